<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ferry::ui::ConnectionIndicator</name>
    <message numerus="yes">
        <location filename="../../ui/connectionindicator.cpp" line="150"/>
        <source>Reconnecting in %n s…</source>
        <translation>
            <numerusform>Reconnecting in %n s…</numerusform>
            <numerusform>Reconnecting in %n s…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ferry::ui::MainWindow</name>
    <message numerus="yes">
        <location filename="../../ui/mainwindow.cpp" line="85"/>
        <source>%n file(s) copied</source>
        <translation>
            <numerusform>%n file copied</numerusform>
            <numerusform>%n files copied</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow.cpp" line="390"/>
        <source>Moved %n item(s)</source>
        <translation>
            <numerusform>Moved %n item</numerusform>
            <numerusform>Moved %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow.cpp" line="469"/>
        <source>%n transfer(s) have not finished. Quit anyway? Partial files are kept and resume next time.</source>
        <translation>
            <numerusform>%n transfer has not finished. Quit anyway? Partial files are kept and resume next time.</numerusform>
            <numerusform>%n transfers have not finished. Quit anyway? Partial files are kept and resume next time.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ferry::ui::RemoteBrowser</name>
    <message numerus="yes">
        <location filename="../../ui/remotebrowser.cpp" line="95"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ferry::ui::TransferQueueModel</name>
    <message numerus="yes">
        <location filename="../../ui/transferqueuemodel.cpp" line="57"/>
        <source>the retry found %n file(s) where one was expected</source>
        <translation>
            <numerusform>the retry found %n file where one was expected</numerusform>
            <numerusform>the retry found %n files where one was expected</numerusform>
        </translation>
    </message>
</context>
</TS>
