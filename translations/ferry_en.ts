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
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n item(s)</source>
        <translation>
            <numerusform>%1 of %n item</numerusform>
            <numerusform>%1 of %n items</numerusform>
        </translation>
    </message>
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
    <message numerus="yes">
        <source>%n transfer(s) to this agent did not finish last time (%1). Resume them from where they stopped?</source>
        <translation>
            <numerusform>%n transfer to this agent did not finish last time (%1). Resume it from where it stopped?</numerusform>
            <numerusform>%n transfers to this agent did not finish last time (%1). Resume them from where they stopped?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transfer(s) to this agent did not finish last time. Resume them from where they stopped?</source>
        <translation>
            <numerusform>%n transfer to this agent did not finish last time. Resume it from where it stopped?</numerusform>
            <numerusform>%n transfers to this agent did not finish last time. Resume them from where they stopped?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transfer(s) have not finished. Quit anyway? They are kept with their partial files, and the next time you connect to this agent, the transfer queue offers to resume them.</source>
        <translation>
            <numerusform>%n transfer has not finished. Quit anyway? It is kept with its partial file, and the next time you connect to this agent, the transfer queue offers to resume it.</numerusform>
            <numerusform>%n transfers have not finished. Quit anyway? They are kept with their partial files, and the next time you connect to this agent, the transfer queue offers to resume them.</numerusform>
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
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ferry::cli</name>
    <message numerus="yes">
        <source>skipped %n existing entry(s)</source>
        <translation>
            <numerusform>skipped %n existing entry</numerusform>
            <numerusform>skipped %n existing entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s)</source>
        <translation>
            <numerusform>%n folder</numerusform>
            <numerusform>%n folders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ferry::copy::CopyJob</name>
    <message numerus="yes">
        <source>%n entries could not be copied; the first: %1</source>
        <translation>
            <numerusform>%n entry could not be copied; the first: %1</numerusform>
            <numerusform>%n entries could not be copied; the first: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ferry::copy::MoveJob</name>
    <message numerus="yes">
        <source>%n entries could not be moved; the first: %1</source>
        <translation>
            <numerusform>%n entry could not be moved; the first: %1</numerusform>
            <numerusform>%n entries could not be moved; the first: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ferry::client</name>
    <message numerus="yes">
        <source>%1 (tried %n times: the agent may be too busy)</source>
        <translation>
            <numerusform>%1 (tried once: the agent may be too busy)</numerusform>
            <numerusform>%1 (tried %n times: the agent may be too busy)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ferry::ui::MessageBar</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and one more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ferry::client::ChmodJob</name>
    <message numerus="yes">
        <source>could not change the permissions of %n item(s), the first: %1</source>
        <translation>
            <numerusform>could not change the permissions of %n item: %1</numerusform>
            <numerusform>could not change the permissions of %n items, the first: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ferry::ui::RemoteDragData</name>
    <message numerus="yes">
        <source>The dragged entries took longer than %n second(s) to download; use Download instead</source>
        <translation>
            <numerusform>The dragged entries took longer than %n second to download; use Download instead</numerusform>
            <numerusform>The dragged entries took longer than %n seconds to download; use Download instead</numerusform>
        </translation>
    </message>
</context>
</TS>
