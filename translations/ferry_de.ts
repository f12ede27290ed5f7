<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>ferry</name>
    <message>
        <location filename="../core/humanformat.cpp" line="31"/>
        <source>&apos;%1&apos; is not a size: expected bytes, or a number with K, M or G (1024 multiples), such as 500K or 1.5M</source>
        <translation>„%1“ ist keine Größe: erwartet werden Bytes oder eine Zahl mit K, M oder G (Vielfache von 1024), etwa 500K oder 1.5M</translation>
    </message>
    <message>
        <location filename="../core/humanformat.cpp" line="67"/>
        <source>&apos;%1&apos; is not a duration: expected seconds, or a number with s, m, h or d, such as 90s, 12h or 7d</source>
        <translation>„%1“ ist keine Dauer: erwartet werden Sekunden oder eine Zahl mit s, m, h oder d, etwa 90s, 12h oder 7d</translation>
    </message>
</context>
<context>
    <name>ferry::Error</name>
    <message>
        <location filename="../core/error.cpp" line="37"/>
        <source>path leads outside the served directory</source>
        <translation>Pfad führt aus dem freigegebenen Ordner heraus</translation>
    </message>
</context>
<context>
    <name>ferry::agent</name>
    <message>
        <location filename="../core/agent/agentserver.cpp" line="49"/>
        <source>%1: cannot read the certificate: %2</source>
        <translation>%1: Das Zertifikat kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../core/agent/agentserver.cpp" line="52"/>
        <source>%1: no PEM certificate found</source>
        <translation>%1: Kein PEM-Zertifikat gefunden</translation>
    </message>
    <message>
        <location filename="../core/agent/agentserver.cpp" line="55"/>
        <source>%1: cannot read the key: %2</source>
        <translation>%1: Der Schlüssel kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../core/agent/agentserver.cpp" line="64"/>
        <source>%1: no unencrypted PEM private key found</source>
        <translation>%1: Kein unverschlüsselter privater PEM-Schlüssel gefunden</translation>
    </message>
    <message>
        <location filename="../core/agent/agentserver.cpp" line="83"/>
        <source>wss:// needs both a certificate and a key</source>
        <translation>wss:// benötigt sowohl ein Zertifikat als auch einen Schlüssel</translation>
    </message>
    <message>
        <location filename="../core/agent/agentserver.cpp" line="104"/>
        <source>cannot listen on %1:%2: %3</source>
        <translation>Auf %1:%2 kann nicht gelauscht werden: %3</translation>
    </message>
    <message>
        <location filename="../core/agent/agentserver.cpp" line="234"/>
        <source>too many clients (limit %1)</source>
        <translation>zu viele Clients (Grenze %1)</translation>
    </message>
    <message>
        <location filename="../core/agent/agentsession.cpp" line="73"/>
        <source>client left during the handshake</source>
        <translation>Client hat die Verbindung während des Handshakes verlassen</translation>
    </message>
    <message>
        <location filename="../core/agent/agentsession.cpp" line="77"/>
        <source>authentication timed out</source>
        <translation>Zeitüberschreitung bei der Authentifizierung</translation>
    </message>
    <message>
        <location filename="../core/agent/agentsession.cpp" line="128"/>
        <location filename="../core/agent/agentsession.cpp" line="147"/>
        <source>protocol error: expected an authentication message</source>
        <translation>Protokollfehler: Authentifizierungsnachricht erwartet</translation>
    </message>
    <message>
        <location filename="../core/agent/agentsession.cpp" line="158"/>
        <source>protocol error: %1</source>
        <translation>Protokollfehler: %1</translation>
    </message>
    <message>
        <location filename="../core/agent/agentsession.cpp" line="162"/>
        <source>unsupported protocol version %1 (this agent speaks %2)</source>
        <translation>nicht unterstützte Protokollversion %1 (dieser Agent spricht %2)</translation>
    </message>
    <message>
        <location filename="../core/agent/agentsession.cpp" line="166"/>
        <source>authentication failed too often from this address: try again later</source>
        <translation>von dieser Adresse schlug die Anmeldung zu oft fehl: später erneut versuchen</translation>
    </message>
    <message>
        <location filename="../core/agent/agentsession.cpp" line="173"/>
        <source>authentication failed: wrong token</source>
        <translation>Authentifizierung fehlgeschlagen: falsches Token</translation>
    </message>
    <message>
        <location filename="../core/agent/agentsession.cpp" line="267"/>
        <source>unexpected message &apos;%1&apos;</source>
        <translation>unerwartete Nachricht „%1“</translation>
    </message>
    <message>
        <location filename="../core/agent/agentsession.cpp" line="293"/>
        <source>remote commands are turned off on this agent (--no-exec)</source>
        <translation>entfernte Befehle sind bei diesem Agenten abgeschaltet (--no-exec)</translation>
    </message>
    <message>
        <location filename="../core/agent/agentsession.cpp" line="324"/>
        <source>cannot move &apos;%1&apos; into itself</source>
        <translation>„%1“ kann nicht in sich selbst verschoben werden</translation>
    </message>
    <message>
        <location filename="../core/agent/agentsession.cpp" line="381"/>
        <source>unknown operation &apos;%1&apos;</source>
        <translation>unbekannte Operation „%1“</translation>
    </message>
    <message>
        <location filename="../core/agent/agentsession.cpp" line="431"/>
        <source>stream %1 is already open</source>
        <translation>Stream %1 ist bereits geöffnet</translation>
    </message>
    <message>
        <location filename="../core/agent/agentsession.cpp" line="435"/>
        <source>too many open streams</source>
        <translation>zu viele offene Streams</translation>
    </message>
    <message>
        <location filename="../core/agent/agentexec.cpp" line="39"/>
        <source>no command given</source>
        <translation>kein Befehl angegeben</translation>
    </message>
    <message>
        <location filename="../core/agent/agentexec.cpp" line="86"/>
        <source>command input on channel %1</source>
        <translation>Befehlseingabe auf Kanal %1</translation>
    </message>
    <message>
        <location filename="../core/agent/agentbatch.cpp" line="129"/>
        <source>batch data out of place</source>
        <translation>Stapeldaten an falscher Stelle</translation>
    </message>
    <message>
        <location filename="../core/agent/agentbatch.cpp" line="170"/>
        <source>batch ended early</source>
        <translation>Stapel endete vorzeitig</translation>
    </message>
    <message>
        <location filename="../core/agent/agentbatch.cpp" line="186"/>
        <source>%1: not written</source>
        <translation>%1: nicht geschrieben</translation>
    </message>
    <message>
        <location filename="../core/agent/agentbatch.cpp" line="264"/>
        <source>a commit holds 1 to %1 files</source>
        <translation>ein Commit enthält 1 bis %1 Dateien</translation>
    </message>
    <message>
        <location filename="../core/agent/agentbatch.cpp" line="335"/>
        <source>%1: not a regular file</source>
        <translation>%1: keine reguläre Datei</translation>
    </message>
    <message>
        <location filename="../core/agent/agentbatch.cpp" line="337"/>
        <source>%1: too large for a batch</source>
        <translation>%1: zu groß für einen Stapel</translation>
    </message>
    <message>
        <location filename="../core/agent/agentcopy.cpp" line="141"/>
        <source>%1: the source changed while it was being copied</source>
        <translation>%1: Die Quelle hat sich während des Kopierens geändert</translation>
    </message>
    <message>
        <location filename="../core/agent/agentcopy.cpp" line="142"/>
        <source>%1: copy cancelled</source>
        <translation>%1: Kopieren abgebrochen</translation>
    </message>
</context>
<context>
    <name>ferry::agent::RootFs</name>
    <message>
        <location filename="../core/agent/rootfs.cpp" line="48"/>
        <source>no valid directory to serve was given</source>
        <translation>es wurde kein gültiger freizugebender Ordner angegeben</translation>
    </message>
    <message>
        <location filename="../core/agent/rootfs.cpp" line="82"/>
        <source>path contains a NUL byte</source>
        <translation>Pfad enthält ein NUL-Byte</translation>
    </message>
    <message>
        <location filename="../core/agent/rootfs.cpp" line="87"/>
        <source>absolute paths lead outside the served directory</source>
        <translation>absolute Pfade führen aus dem freigegebenen Ordner heraus</translation>
    </message>
    <message>
        <location filename="../core/agent/rootfs.cpp" line="248"/>
        <source>not a regular file</source>
        <translation>keine reguläre Datei</translation>
    </message>
    <message>
        <location filename="../core/agent/rootfs.cpp" line="293"/>
        <source>the served directory itself has no parent here</source>
        <translation>der freigegebene Ordner selbst hat hier keinen übergeordneten Ordner</translation>
    </message>
    <message>
        <location filename="../core/agent/rootfschanges.cpp" line="106"/>
        <source>refusing to remove the served directory itself</source>
        <translation>der freigegebene Ordner selbst wird nicht entfernt</translation>
    </message>
    <message>
        <location filename="../core/agent/rootfschanges.cpp" line="148"/>
        <source>cannot rename the served directory itself</source>
        <translation>der freigegebene Ordner selbst kann nicht umbenannt werden</translation>
    </message>
    <message>
        <location filename="../core/agent/rootfschanges.cpp" line="221"/>
        <source>invalid symbolic link target</source>
        <translation>ungültiges Ziel der symbolischen Verknüpfung</translation>
    </message>
    <message>
        <location filename="../core/agent/rootfsdetail.cpp" line="276"/>
        <source>is a symbolic link, which is not followed</source>
        <translation>ist eine symbolische Verknüpfung, der nicht gefolgt wird</translation>
    </message>
</context>
<context>
    <name>ferry::auth</name>
    <message>
        <location filename="../core/net/auth.cpp" line="69"/>
        <source>%1: token file not found</source>
        <translation>%1: Token-Datei nicht gefunden</translation>
    </message>
    <message>
        <location filename="../core/net/auth.cpp" line="57"/>
        <location filename="../core/net/auth.cpp" line="88"/>
        <source>%1: cannot read token: %2</source>
        <translation>%1: Token kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../core/net/auth.cpp" line="60"/>
        <source>%1: the token file is empty</source>
        <translation>%1: Die Token-Datei ist leer</translation>
    </message>
    <message>
        <location filename="../core/net/auth.cpp" line="91"/>
        <source>%1: token is shorter than 128 bits</source>
        <translation>%1: Token ist kürzer als 128 Bit</translation>
    </message>
    <message>
        <location filename="../core/net/auth.cpp" line="122"/>
        <source>%1: the token file can be read by others (mode %2); make it private with: chmod 600 %1</source>
        <translation>%1: die Token-Datei ist für andere lesbar (Modus %2); privat machen mit: chmod 600 %1</translation>
    </message>
    <message>
        <location filename="../core/net/auth.cpp" line="128"/>
        <source>%1: the token is too easy to guess (about %2 bits of entropy, at least %3 wanted); delete the file and the agent makes a random one</source>
        <translation>%1: das Token ist zu leicht zu erraten (etwa %2 Bit Entropie, mindestens %3 nötig); die Datei löschen, dann erzeugt der Agent ein zufälliges</translation>
    </message>
</context>
<context>
    <name>ferry::cli</name>
    <message>
        <source>  Path: %1</source>
        <translation>     Pfad: %1</translation>
    </message>
    <message>
        <source>  Type: %1</source>
        <translation>      Typ: %1</translation>
    </message>
    <message>
        <source>  Size: %1 (%2)</source>
        <translation>    Größe: %1 (%2)</translation>
    </message>
    <message>
        <source>  Mode: %1 (%2)</source>
        <translation>   Rechte: %1 (%2)</translation>
    </message>
    <message>
        <source>Modify: %1</source>
        <translation>Geändert: %1</translation>
    </message>
    <message>
        <source>Size        Used        Available   Use%  Path</source>
        <translation>Größe       Belegt      Verfügbar   Bel%  Pfad</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>skipped %n existing entry(s)</source>
        <translation>
            <numerusform>%n vorhandenen Eintrag übersprungen</numerusform>
            <numerusform>%n vorhandene Einträge übersprungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s)</source>
        <translation>
            <numerusform>%n Ordner</numerusform>
            <numerusform>%n Ordner</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="36"/>
        <source>Commands (a path starting with &apos;:&apos; is remote, relative to the agent&apos;s root):
  ls [-l] [--json] :PATH          list a directory
  stat [--json] :PATH             show one entry
  mkdir [-p] :PATH...             create directories
  rm [-r] :PATH...                remove files (and trees with -r)
  mv [-f] :SRC... :DST            rename or move within the remote tree (-f: replace)
  chmod MODE :PATH...             change permission bits (octal MODE)
  df :PATH                        free space of the remote file system
  hash :PATH                      XXH3-128 checksum of a remote file
  cp [-r] [-T] [--no-perms] [--no-times] [--on-conflict=POLICY] SRC... DST
                                  upload (local to remote), download, or copy
                                  within the remote tree (:SRC... :DST)
  archive [--format=FORMAT] [--overwrite] :PATH... OUT
                                  download as one archive that the agent builds as it
                                  sends: tar, tar.gz, tar.bz2, tar.xz, tar.zst or zip, by
                                  OUT&apos;s suffix unless --format says
  extract [--on-conflict=fail|overwrite|skip] ARCHIVE :DIR
                                  unpack an archive (tar, tar.*, zip) into DIR: a local one
                                  is uploaded first; a remote one (:ARCHIVE) is unpacked
                                  where it lies
  compress [--overwrite] :PATH... :ARCHIVE
                                  pack remote entries into a remote archive (tar, tar.gz,
                                  tar.bz2, tar.xz, tar.zst, zip, by ARCHIVE&apos;s suffix)
  exec [--cwd :DIR] [--shell &apos;STRING&apos; | [--] CMD [ARGS...]]
                                  run a command on the agent with our stdin/stdout/stderr

Names are shown escaped, and remote paths are read back the same way: a byte that
is not UTF-8 and a control character are \xHH (\xE9), a backslash is \\; so
&apos;:caf\xE9.txt&apos; names the file ls shows as caf\xE9.txt. A backslash followed by
anything else in a remote path is an error. Local paths are taken as the shell
passes them.

Ways in: --url ws://HOST:PORT (an agent listening there), --url wetty+ws://HOST:PORT/wetty
(a WeTTY web terminal), --url jupyter+http://HOST:PORT/ --token-file FILE (a Jupyter
server&apos;s terminals), --shell-command CMD (a shell that CMD opens).

Exit status: 0 success, 1 operation failed, 2 usage, 3 connection, 4 authentication;
exec exits with the remote command&apos;s status.</source>
        <translation>Befehle (ein Pfad, der mit „:“ beginnt, ist entfernt, relativ zum Wurzelordner des Agenten):
  ls [-l] [--json] :PATH          Ordner auflisten
  stat [--json] :PATH             einen Eintrag anzeigen
  mkdir [-p] :PATH...             Ordner erstellen
  rm [-r] :PATH...                Dateien entfernen (mit -r auch ganze Bäume)
  mv [-f] :SRC... :DST            im entfernten Baum umbenennen oder verschieben
                                  (-f: ersetzen)
  chmod MODE :PATH...             Berechtigungsbits ändern (MODE oktal)
  df :PATH                        freier Speicherplatz des entfernten Dateisystems
  hash :PATH                      XXH3-128-Prüfsumme einer entfernten Datei
  cp [-r] [-T] [--no-perms] [--no-times] [--on-conflict=POLICY] SRC... DST
                                  hochladen (lokal nach entfernt), herunterladen oder
                                  im entfernten Baum kopieren (:SRC... :DST)
  archive [--format=FORMAT] [--overwrite] :PATH... OUT
                                  als ein Archiv herunterladen, das der Agent beim Senden
                                  baut: tar, tar.gz, tar.bz2, tar.xz, tar.zst oder zip, nach
                                  der Endung von OUT, außer --format sagt es
  extract [--on-conflict=fail|overwrite|skip] ARCHIV :DIR
                                  ein Archiv (tar, tar.*, zip) in DIR entpacken: ein lokales
                                  wird zuerst hochgeladen, ein entferntes (:ARCHIV) dort
                                  entpackt, wo es liegt
  compress [--overwrite] :PATH... :ARCHIV
                                  entfernte Einträge in ein entferntes Archiv packen (tar,
                                  tar.gz, tar.bz2, tar.xz, tar.zst, zip, nach der Endung)
  exec [--cwd :DIR] [--shell &apos;STRING&apos; | [--] CMD [ARGS...]]
                                  einen Befehl auf dem Agenten ausführen, verbunden
                                  mit unserem stdin/stdout/stderr

Namen werden maskiert angezeigt, und entfernte Pfade werden ebenso gelesen: ein Byte,
das kein UTF-8 ist, und ein Steuerzeichen als \xHH (\xE9), ein Backslash als \\;
so nennt &apos;:caf\xE9.txt&apos; die Datei, die ls als caf\xE9.txt zeigt. Ein Backslash,
dem etwas anderes folgt, ist in einem entfernten Pfad ein Fehler. Lokale Pfade werden
so genommen, wie die Shell sie übergibt.

Wege hinein: --url ws://HOST:PORT (ein Agent, der dort lauscht), --url wetty+ws://HOST:PORT/wetty
(ein WeTTY-Web-Terminal), --url jupyter+http://HOST:PORT/ --token-file DATEI (die Terminals
eines Jupyter-Servers), --shell-command CMD (eine Shell, die CMD öffnet).

Exit-Status: 0 Erfolg, 1 Vorgang fehlgeschlagen, 2 falscher Aufruf, 3 Verbindung,
4 Authentifizierung; exec endet mit dem Status des entfernten Befehls.</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="90"/>
        <source>reconnected</source>
        <translation>Verbindung wiederhergestellt</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="94"/>
        <source>connection lost: %1; reconnecting</source>
        <translation>Verbindung verloren: %1; neue Verbindung wird aufgebaut</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="129"/>
        <source>Ferry command line client: files and commands on a remote agent, over one WebSocket or through a shell.</source>
        <translation>Ferry-Befehlszeilenprogramm: Dateien und Befehle auf einem entfernten Agenten, über ein einziges WebSocket oder durch eine Shell.</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="134"/>
        <source>Agent URL (default $FERRY_URL or ws://127.0.0.1:7707).</source>
        <translation>Agent-URL (Standard: $FERRY_URL oder ws://127.0.0.1:7707).</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="135"/>
        <source>Reach the remote through a shell instead of a listening agent: CMD runs here through /bin/sh -c and its stdin/stdout are a POSIX shell there (&apos;ssh -T host&apos;, &apos;kubectl exec -i POD -- sh&apos;, &apos;docker exec -i CTR sh&apos;). The agent is brought along and cached on the remote.</source>
        <translation>Den entfernten Rechner über eine Shell statt über einen lauschenden Agenten erreichen: CMD läuft hier über /bin/sh -c, und seine Standardein- und -ausgabe sind dort eine POSIX-Shell (&apos;ssh -T host&apos;, &apos;kubectl exec -i POD -- sh&apos;, &apos;docker exec -i CTR sh&apos;). Der Agent wird mitgebracht und auf dem entfernten Rechner zwischengespeichert.</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="136"/>
        <source>With --shell-command: the folder to serve (default: the shell&apos;s working directory).</source>
        <translation>Mit --shell-command: der bereitzustellende Ordner (Standard: das Arbeitsverzeichnis der Shell).</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="137"/>
        <source>With --shell-command: the portable agent to bring along (default: the one built beside ferry-cli).</source>
        <translation>Mit --shell-command: der mitzubringende portable Agent (Standard: der neben ferry-cli gebaute).</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="138"/>
        <source>Token file (default $FERRY_TOKEN_FILE or %1).</source>
        <translation>Token-Datei (Standard: $FERRY_TOKEN_FILE oder %1).</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="139"/>
        <source>Heartbeat interval in milliseconds.</source>
        <translation>Heartbeat-Intervall in Millisekunden.</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="140"/>
        <source>Declare the agent dead after this many silent milliseconds.</source>
        <translation>Den Agenten nach so vielen Millisekunden Stille für tot erklären.</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="141"/>
        <source>Keep reconnecting this many milliseconds after a drop; 0 never.</source>
        <translation>Nach einem Verbindungsabbruch so viele Millisekunden lang neu verbinden; 0 nie.</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="142"/>
        <source>wss://: trust the agent certificate with this SHA-256 fingerprint (pinned for later).</source>
        <translation>wss://: dem Agent-Zertifikat mit diesem SHA-256-Fingerabdruck vertrauen (für später gespeichert).</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="143"/>
        <source>Cap transfers at RATE bytes per second in each direction, e.g. 500K, 2M or 1.5M (K, M, G: 1024 multiples); 0 means no limit.</source>
        <translation>Übertragungen in jeder Richtung auf RATE Bytes pro Sekunde begrenzen, z. B. 500K, 2M oder 1.5M (K, M, G: Vielfache von 1024); 0 bedeutet keine Begrenzung.</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="144"/>
        <source>Write transfer statistics as JSON to FILE at the end.</source>
        <translation>Am Ende Übertragungsstatistiken als JSON in FILE schreiben.</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="145"/>
        <source>Show progress even when not on a terminal.</source>
        <translation>Fortschritt auch anzeigen, wenn die Ausgabe kein Terminal ist.</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="146"/>
        <source>No progress and no notices, errors only.</source>
        <translation>Kein Fortschritt und keine Hinweise, nur Fehler.</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="148"/>
        <source>The command to run, then its arguments.</source>
        <translation>Der auszuführende Befehl, gefolgt von seinen Argumenten.</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="165"/>
        <source>no command given (see --help)</source>
        <translation>kein Befehl angegeben (siehe --help)</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="171"/>
        <source>unknown command &apos;%1&apos; (see --help)</source>
        <translation>unbekannter Befehl „%1“ (siehe --help)</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="177"/>
        <source>--url and --shell-command are two ways in: give one</source>
        <translation>--url und --shell-command sind zwei Zugänge: nur einen angeben</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="182"/>
        <source>--shell-command needs a command</source>
        <translation>--shell-command braucht einen Befehl</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="193"/>
        <source>&apos;%1&apos; is not a ws://, wss://, wetty+ws://, wetty+wss://, jupyter+http:// or jupyter+https:// URL</source>
        <translation>„%1“ ist keine ws://-, wss://-, wetty+ws://-, wetty+wss://-, jupyter+http://- oder jupyter+https://-URL</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="197"/>
        <source>--remote-root and --agent-bundle go with --shell-command or a web terminal&apos;s URL</source>
        <translation>--remote-root und --agent-bundle gehören zu --shell-command oder zur URL eines Web-Terminals</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="208"/>
        <source>--heartbeat, --dead-after and --reconnect-for take milliseconds; --dead-after must exceed --heartbeat</source>
        <translation>--heartbeat, --dead-after und --reconnect-for erwarten Millisekunden; --dead-after muss größer als --heartbeat sein</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="214"/>
        <source>--limit-rate: %1</source>
        <translation>--limit-rate: %1</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="215"/>
        <source>&apos;%1&apos; is above the highest limit, 1024G</source>
        <translation>„%1“ liegt über der höchsten Grenze von 1024G</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="225"/>
        <source>a Jupyter server needs its token: --token-file FILE</source>
        <translation>ein Jupyter-Server braucht sein Token: --token-file DATEI</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="249"/>
        <source>--trust expects a SHA-256 fingerprint (64 hex digits, colons allowed)</source>
        <translation>--trust erwartet einen SHA-256-Fingerabdruck (64 Hexadezimalziffern, Doppelpunkte erlaubt)</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="267"/>
        <source>ferry-cli: if this is the agent&apos;s certificate, trust it with --trust %1</source>
        <translation>ferry-cli: Wenn dies das Zertifikat des Agenten ist, vertrauen Sie ihm mit --trust %1</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="271"/>
        <source>Compare it with what the agent printed at start. Trust this certificate? [y/N] </source>
        <translation>Vergleichen Sie ihn mit dem, was der Agent beim Start ausgegeben hat. Diesem Zertifikat vertrauen? [y/N] </translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="409"/>
        <source>%1: &apos;%2&apos; is not a remote path (remote paths start with &apos;:&apos;)</source>
        <translation>%1: „%2“ ist kein entfernter Pfad (entfernte Pfade beginnen mit „:“)</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="420"/>
        <source>%1: no path given</source>
        <translation>%1: kein Pfad angegeben</translation>
    </message>
    <message>
        <location filename="../core/cli/clicommands.cpp" line="201"/>
        <source>mv: expects :SRC... :DST</source>
        <translation>mv: erwartet :SRC... :DST</translation>
    </message>
    <message>
        <location filename="../core/cli/clicommands.cpp" line="208"/>
        <location filename="../core/cli/clicopy.cpp" line="105"/>
        <source>skipped %1 (%2)</source>
        <translation>%1 übersprungen (%2)</translation>
    </message>
    <message>
        <location filename="../core/cli/clicommands.cpp" line="225"/>
        <source>chmod: expects MODE :PATH...</source>
        <translation>chmod: erwartet MODE :PATH...</translation>
    </message>
    <message>
        <location filename="../core/cli/clicommands.cpp" line="229"/>
        <source>chmod: &apos;%1&apos; is not an octal mode</source>
        <translation>chmod: „%1“ ist kein oktaler Modus</translation>
    </message>
    <message>
        <location filename="../core/cli/clicopy.cpp" line="40"/>
        <source>cp: expects SRC... DST</source>
        <translation>cp: erwartet SRC... DST</translation>
    </message>
    <message>
        <location filename="../core/cli/clicopy.cpp" line="57"/>
        <source>cp: at least one side must be remote (:PATH); use cp for local copies</source>
        <translation>cp: mindestens eine Seite muss entfernt sein (:PATH); verwenden Sie cp für lokale Kopien</translation>
    </message>
    <message>
        <location filename="../core/cli/clicopy.cpp" line="59"/>
        <source>cp: the sources must all be local or all remote</source>
        <translation>cp: die Quellen müssen alle lokal oder alle entfernt sein</translation>
    </message>
    <message>
        <location filename="../core/cli/clicopy.cpp" line="65"/>
        <source>cp: unknown --on-conflict policy &apos;%1&apos;</source>
        <translation>cp: unbekannte --on-conflict-Richtlinie „%1“</translation>
    </message>
    <message>
        <location filename="../core/cli/clicopy.cpp" line="75"/>
        <source>cp: --parallel takes a number from 1 to 64</source>
        <translation>cp: --parallel erwartet eine Zahl von 1 bis 64</translation>
    </message>
    <message>
        <location filename="../core/cli/clicopy.cpp" line="91"/>
        <source>not asking because stdin is not a terminal (use --on-conflict=overwrite|skip|rename|resume|newer|fail)</source>
        <translation>keine Nachfrage, da stdin kein Terminal ist (verwenden Sie --on-conflict=overwrite|skip|rename|resume|newer|fail)</translation>
    </message>
    <message>
        <location filename="../core/cli/clicopy.cpp" line="98"/>
        <source>1 file</source>
        <translation>1 Datei</translation>
    </message>
    <message>
        <location filename="../core/cli/clicopy.cpp" line="98"/>
        <source>%1 files</source>
        <translation>%1 Dateien</translation>
    </message>
    <message>
        <location filename="../core/cli/clicopy.cpp" line="99"/>
        <source>1 folder</source>
        <translation>1 Ordner</translation>
    </message>
    <message>
        <location filename="../core/cli/clicopy.cpp" line="99"/>
        <source>%1 folders</source>
        <translation>%1 Ordner</translation>
    </message>
    <message>
        <location filename="../core/cli/clicopy.cpp" line="100"/>
        <source>copying %1 in %2, %3</source>
        <translation>kopiere %1, verteilt auf %2, %3</translation>
    </message>
    <message>
        <location filename="../core/cli/clicopy.cpp" line="107"/>
        <source>%1 items</source>
        <translation>%1 Elemente</translation>
    </message>
    <message>
        <location filename="../core/cli/clicopy.cpp" line="134"/>
        <source>exec: give either --shell &apos;STRING&apos; or a command with arguments</source>
        <translation>exec: geben Sie entweder --shell &apos;STRING&apos; oder einen Befehl mit Argumenten an</translation>
    </message>
    <message>
        <location filename="../core/cli/clicopy.cpp" line="141"/>
        <source>exec: --cwd takes a remote path (:DIR)</source>
        <translation>exec: --cwd erwartet einen entfernten Pfad (:DIR)</translation>
    </message>
    <message>
        <location filename="../core/cli/terminalconflicthandler.cpp" line="21"/>
        <source>folder, modified %1</source>
        <translation>Ordner, geändert %1</translation>
    </message>
    <message>
        <location filename="../core/cli/terminalconflicthandler.cpp" line="22"/>
        <source>%1, modified %2</source>
        <translation>%1, geändert %2</translation>
    </message>
    <message>
        <location filename="../core/cli/terminalconflicthandler.cpp" line="53"/>
        <source>%1 already exists.</source>
        <translation>%1 existiert bereits.</translation>
    </message>
    <message>
        <location filename="../core/cli/terminalconflicthandler.cpp" line="54"/>
        <source>existing: %1</source>
        <translation>vorhanden: %1</translation>
    </message>
    <message>
        <location filename="../core/cli/terminalconflicthandler.cpp" line="55"/>
        <source>new:      %1 (%2)</source>
        <translation>neu:       %1 (%2)</translation>
    </message>
    <message>
        <location filename="../core/cli/terminalconflicthandler.cpp" line="64"/>
        <source>[s]kip, [r]ename to &quot;%1&quot;</source>
        <translation>[s] überspringen, [r] umbenennen in „%1“</translation>
    </message>
    <message>
        <location filename="../core/cli/terminalconflicthandler.cpp" line="65"/>
        <source>[o]verwrite, [s]kip, [r]ename to &quot;%1&quot;, overwrite if [n]ewer</source>
        <translation>[o] überschreiben, [s] überspringen, [r] umbenennen in „%1“, [n] überschreiben, falls neuer</translation>
    </message>
    <message>
        <location filename="../core/cli/terminalconflicthandler.cpp" line="67"/>
        <source>, r[e]sume</source>
        <translation>, [e] fortsetzen</translation>
    </message>
    <message>
        <location filename="../core/cli/terminalconflicthandler.cpp" line="68"/>
        <source>, [c]ancel (capital letter: the same for all)</source>
        <translation>, [c] abbrechen (Großbuchstabe: dasselbe für alle)</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp"/>
        <source>Compress file data on the wire: auto (what shrinks), on (every file) or off (default $FERRY_COMPRESS or auto).</source>
        <translation>Dateidaten auf der Leitung komprimieren: auto (was kleiner wird), on (jede Datei) oder off (Vorgabe $FERRY_COMPRESS oder auto).</translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp"/>
        <source>--compress (or $FERRY_COMPRESS) expects auto, on or off, not &quot;%1&quot;</source>
        <translation>--compress (oder $FERRY_COMPRESS) erwartet auto, on oder off, nicht „%1“</translation>
    </message>
    <message>
        <location filename="../core/cli/cliarchive.cpp"/>
        <source>archive: expects :PATH... OUT</source>
        <translation>archive: erwartet :PATH... OUT</translation>
    </message>
    <message>
        <location filename="../core/cli/cliarchive.cpp"/>
        <source>archive: what is archived is remote (:PATH), not %1</source>
        <translation>archive: archiviert wird Entferntes (:PATH), nicht %1</translation>
    </message>
    <message>
        <location filename="../core/cli/cliarchive.cpp"/>
        <source>archive: OUT is a local file, not %1</source>
        <translation>archive: OUT ist eine lokale Datei, nicht %1</translation>
    </message>
    <message>
        <location filename="../core/cli/cliarchive.cpp"/>
        <source>archive: unknown or unsupported --format &apos;%1&apos; (tar, tar.gz, tar.bz2, tar.xz, tar.zst)</source>
        <translation>archive: unbekanntes oder nicht unterstütztes --format „%1“ (tar, tar.gz, tar.bz2, tar.xz, tar.zst)</translation>
    </message>
    <message>
        <location filename="../core/cli/cliarchive.cpp"/>
        <source>archive: cannot tell the format from &apos;%1&apos;: name it .tar, .tar.gz, .tar.bz2, .tar.xz or .tar.zst, or give --format</source>
        <translation>archive: das Format lässt sich an „%1“ nicht erkennen: Endung .tar, .tar.gz, .tar.bz2, .tar.xz oder .tar.zst wählen oder --format angeben</translation>
    </message>
    <message>
        <location filename="../core/cli/cliarchive.cpp"/>
        <source>extract: expects ARCHIVE :DIR</source>
        <translation>extract: erwartet ARCHIV :DIR</translation>
    </message>
    <message>
        <location filename="../core/cli/cliarchive.cpp"/>
        <source>extract: --on-conflict takes fail, overwrite or skip, not &apos;%1&apos;</source>
        <translation>extract: --on-conflict nimmt fail, overwrite oder skip, nicht „%1“</translation>
    </message>
    <message>
        <location filename="../core/cli/cliarchive.cpp"/>
        <source>extract: DIR is remote (:DIR), not %1</source>
        <translation>extract: DIR ist entfernt (:DIR), nicht %1</translation>
    </message>
    <message>
        <location filename="../core/cli/cliarchive.cpp"/>
        <source>compress: expects :PATH... :ARCHIVE</source>
        <translation>compress: erwartet :PATH... :ARCHIV</translation>
    </message>
    <message>
        <location filename="../core/cli/cliarchive.cpp"/>
        <source>compress: cannot tell the format from &apos;%1&apos;: name it .zip, .tar, .tar.gz, .tar.bz2, .tar.xz or .tar.zst</source>
        <translation>compress: das Format lässt sich an „%1“ nicht erkennen: Endung .zip, .tar, .tar.gz, .tar.bz2, .tar.xz oder .tar.zst wählen</translation>
    </message>
    <message>
        <location filename="../core/cli/cliarchive.cpp"/>
        <source>archive: unknown --format &apos;%1&apos; (tar, tar.gz, tar.bz2, tar.xz, tar.zst, zip)</source>
        <translation>archive: unbekanntes --format „%1“ (tar, tar.gz, tar.bz2, tar.xz, tar.zst, zip)</translation>
    </message>
    <message>
        <location filename="../core/cli/cliarchive.cpp"/>
        <source>archive: cannot tell the format from &apos;%1&apos;: name it .tar, .tar.gz, .tar.bz2, .tar.xz, .tar.zst or .zip, or give --format</source>
        <translation>archive: das Format lässt sich an „%1“ nicht erkennen: Endung .tar, .tar.gz, .tar.bz2, .tar.xz, .tar.zst oder .zip wählen oder --format angeben</translation>
    </message>
</context>
<context>
    <name>ferry::client</name>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>the connection to the agent is gone</source>
        <translation>die Verbindung zum Agenten besteht nicht mehr</translation>
    </message>
    <message numerus="yes">
        <source>%1 (tried %n times: the agent may be too busy)</source>
        <translation>
            <numerusform>%1 (%n Versuch: der Agent ist vielleicht ausgelastet)</numerusform>
            <numerusform>%1 (%n Versuche: der Agent ist vielleicht ausgelastet)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="43"/>
        <source>%1: the agent did not complete the handshake in time</source>
        <translation>%1: Der Agent hat den Handshake nicht rechtzeitig abgeschlossen</translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="83"/>
        <source>session closed</source>
        <translation>Sitzung geschlossen</translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="86"/>
        <source>client closed the session</source>
        <translation>Client hat die Sitzung geschlossen</translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="147"/>
        <location filename="../core/client/session.cpp" line="205"/>
        <location filename="../core/client/session.cpp" line="392"/>
        <location filename="../core/client/webterminal.cpp" line="149"/>
        <location filename="../core/client/webterminal.cpp" line="155"/>
        <location filename="../core/client/webterminal.cpp" line="531"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="203"/>
        <source>the agent closed the connection</source>
        <translation>der Agent hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="238"/>
        <source>%1: the agent presented no certificate</source>
        <translation>%1: Der Agent hat kein Zertifikat vorgelegt</translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="254"/>
        <source>%1: THE AGENT&apos;S CERTIFICATE HAS CHANGED (now %2). Someone may be intercepting the connection; if the agent was given a new certificate, trust it again.</source>
        <translation>%1: DAS ZERTIFIKAT DES AGENTEN HAT SICH GEÄNDERT (jetzt %2). Möglicherweise wird die Verbindung abgehört; falls der Agent ein neues Zertifikat erhalten hat, vertrauen Sie ihm erneut.</translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="257"/>
        <source>%1: the agent&apos;s certificate is not trusted yet (%2)</source>
        <translation>%1: Dem Zertifikat des Agenten wird noch nicht vertraut (%2)</translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="266"/>
        <source>%1: not a Ferry agent (malformed handshake)</source>
        <translation>%1: kein Ferry-Agent (fehlerhafter Handshake)</translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="279"/>
        <source>%1: not a Ferry agent (unexpected greeting)</source>
        <translation>%1: kein Ferry-Agent (unerwartete Begrüßung)</translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="283"/>
        <source>%1: the agent does not speak protocol version %2</source>
        <translation>%1: Der Agent spricht die Protokollversion %2 nicht</translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="290"/>
        <source>%1: the agent admits anyone without a token; refusing it</source>
        <translation>%1: Der Agent lässt jeden ohne Token zu; er wird abgelehnt</translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="291"/>
        <source>%1: the agent asks for a token</source>
        <translation>%1: Der Agent verlangt ein Token</translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="312"/>
        <source>%1: unexpected handshake message</source>
        <translation>%1: unerwartete Handshake-Nachricht</translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="321"/>
        <source>%1: the agent failed to prove it holds the token</source>
        <translation>%1: Der Agent konnte nicht nachweisen, dass er das Token besitzt</translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="444"/>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="466"/>
        <source>unexpected message &apos;%1&apos; from the agent</source>
        <translation>unerwartete Nachricht „%1“ vom Agenten</translation>
    </message>
    <message>
        <location filename="../core/client/batchjobs.cpp" line="32"/>
        <source>%1: the file changed while it was being sent</source>
        <translation>%1: Die Datei wurde während des Sendens verändert</translation>
    </message>
    <message>
        <location filename="../core/client/agentbundle.cpp" line="42"/>
        <location filename="../core/client/shellconnector.cpp" line="249"/>
        <location filename="../core/client/shellconnector.cpp" line="267"/>
        <source>%1: cannot read the portable agent: %2</source>
        <translation>%1: Der portable Agent kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../core/client/agentbundle.cpp" line="106"/>
        <source>the portable agent %1 was not found (looked for %2); scripts/build makes it</source>
        <translation>der portable Agent %1 wurde nicht gefunden (gesucht: %2); scripts/build erstellt ihn</translation>
    </message>
    <message>
        <location filename="../core/client/shellprocess.cpp" line="111"/>
        <source>&apos;%1&apos; ended with status %2</source>
        <translation>„%1“ endete mit Status %2</translation>
    </message>
    <message>
        <location filename="../core/client/shellprocess.cpp" line="113"/>
        <source>&apos;%1&apos; was killed</source>
        <translation>„%1“ wurde durch ein Signal beendet</translation>
    </message>
    <message>
        <location filename="../core/client/shellprocess.cpp" line="115"/>
        <source>&apos;%1&apos; closed its output</source>
        <translation>„%1“ hat seine Ausgabe geschlossen</translation>
    </message>
    <message>
        <location filename="../core/client/shellconnector.cpp" line="67"/>
        <source>no POSIX shell answered through &apos;%1&apos; within %2 s%3</source>
        <translation>über „%1“ hat innerhalb von %2 s keine POSIX-Shell geantwortet%3</translation>
    </message>
    <message>
        <location filename="../core/client/shellconnector.cpp" line="72"/>
        <source>the remote shell stopped answering while the agent was being installed%1</source>
        <translation>die entfernte Shell hat nicht mehr geantwortet, während der Agent installiert wurde%1</translation>
    </message>
    <message>
        <location filename="../core/client/shellprocess.cpp" line="42"/>
        <location filename="../core/client/shellprocess.cpp" line="109"/>
        <source>cannot run /bin/sh: %1</source>
        <translation>/bin/sh kann nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <location filename="../core/client/shellconnector.cpp" line="97"/>
        <source>Looking for a shell</source>
        <translation>Shell wird gesucht</translation>
    </message>
    <message>
        <location filename="../core/client/shellconnector.cpp" line="191"/>
        <source>the agent arrived damaged in %1 (checksum %2, expected %3)</source>
        <translation>der Agent ist beschädigt in %1 angekommen (Prüfsumme %2, erwartet %3)</translation>
    </message>
    <message>
        <location filename="../core/client/shellconnector.cpp" line="197"/>
        <location filename="../core/client/shellconnector.cpp" line="336"/>
        <source>the agent in %1 did not start (status %2)%3</source>
        <translation>der Agent in %1 ist nicht gestartet (Status %2)%3</translation>
    </message>
    <message>
        <location filename="../core/client/shellconnector.cpp" line="215"/>
        <source>the remote system is %1, not Linux: Ferry&apos;s agent runs on Linux only</source>
        <translation>das entfernte System ist %1, nicht Linux: Ferrys Agent läuft nur unter Linux</translation>
    </message>
    <message>
        <location filename="../core/client/shellconnector.cpp" line="216"/>
        <location filename="../core/client/shellconnector.cpp" line="221"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../core/client/shellconnector.cpp" line="220"/>
        <source>wrong architecture: the remote is %1, and Ferry brings an agent for x86_64 only</source>
        <translation>falsche Architektur: Der entfernte Rechner ist %1, und Ferry bringt nur einen Agenten für x86_64 mit</translation>
    </message>
    <message>
        <location filename="../core/client/shellconnector.cpp" line="227"/>
        <source>every directory where the agent could be put is mounted noexec (%1)</source>
        <translation>jeder Ordner, in den der Agent gelegt werden könnte, ist mit noexec eingehängt (%1)</translation>
    </message>
    <message>
        <location filename="../core/client/shellconnector.cpp" line="229"/>
        <source>no writable directory for the agent on the remote (tried $XDG_CACHE_HOME or ~/.cache, /tmp, /var/tmp, /dev/shm)</source>
        <translation>kein beschreibbarer Ordner für den Agenten auf dem entfernten Rechner (versucht: $XDG_CACHE_HOME oder ~/.cache, /tmp, /var/tmp, /dev/shm)</translation>
    </message>
    <message>
        <location filename="../core/client/shellconnector.cpp" line="254"/>
        <location filename="../core/client/shellconnector.cpp" line="299"/>
        <source>Uploading the agent</source>
        <translation>Agent wird hochgeladen</translation>
    </message>
    <message>
        <location filename="../core/client/shellconnector.cpp" line="277"/>
        <source>Checking the agent</source>
        <translation>Agent wird geprüft</translation>
    </message>
    <message>
        <location filename="../core/client/shellconnector.cpp" line="288"/>
        <source>writing the agent into %1 failed (is the disk full?)%2</source>
        <translation>der Agent konnte nicht nach %1 geschrieben werden (ist der Datenträger voll?)%2</translation>
    </message>
    <message>
        <location filename="../core/client/shellconnector.cpp" line="313"/>
        <source>Starting the agent</source>
        <translation>Agent wird gestartet</translation>
    </message>
    <message>
        <location filename="../core/client/shellconnector.cpp" line="340"/>
        <source>the agent in %1 did not start: %2%3</source>
        <translation>der Agent in %1 ist nicht gestartet: %2%3</translation>
    </message>
    <message>
        <location filename="../core/client/shellconnector.cpp" line="359"/>
        <source>%1 before a POSIX shell answered%2</source>
        <translation>%1, bevor eine POSIX-Shell antwortete%2</translation>
    </message>
    <message>
        <location filename="../core/client/shellconnector.cpp" line="361"/>
        <source>%1 while the agent was being installed%2</source>
        <translation>%1, während der Agent installiert wurde%2</translation>
    </message>
    <message>
        <location filename="../core/client/webterminal.cpp" line="138"/>
        <source>%1: the web terminal sent a binary message, which its protocol does not have</source>
        <translation>%1: Das Web-Terminal hat eine binäre Nachricht gesendet, die sein Protokoll nicht kennt</translation>
    </message>
    <message>
        <location filename="../core/client/webterminal.cpp" line="154"/>
        <source>the web terminal closed the connection</source>
        <translation>das Web-Terminal hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <location filename="../core/client/webterminal.cpp" line="171"/>
        <source>%1: the web terminal&apos;s certificate is not trusted</source>
        <translation>%1: Dem Zertifikat des Web-Terminals wird nicht vertraut</translation>
    </message>
    <message>
        <location filename="../core/client/webterminal.cpp" line="292"/>
        <location filename="../core/client/webterminal.cpp" line="353"/>
        <location filename="../core/client/webterminal.cpp" line="363"/>
        <source>%1: the web terminal closed the connection</source>
        <translation>%1: Das Web-Terminal hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <location filename="../core/client/webterminal.cpp" line="368"/>
        <source>%1: WeTTY refused the connection: %2</source>
        <translation>%1: WeTTY hat die Verbindung abgelehnt: %2</translation>
    </message>
    <message>
        <location filename="../core/client/webterminal.cpp" line="387"/>
        <source>%1: the shell in the web terminal ended</source>
        <translation>%1: Die Shell im Web-Terminal wurde beendet</translation>
    </message>
    <message>
        <location filename="../core/client/webterminal.cpp" line="523"/>
        <source>%1: the Jupyter server refused the token (HTTP %2)</source>
        <translation>%1: Der Jupyter-Server hat das Token abgelehnt (HTTP %2)</translation>
    </message>
    <message>
        <location filename="../core/client/webterminal.cpp" line="527"/>
        <source>%1: no Jupyter terminals there (HTTP 404): is the path the server&apos;s base URL, and are its terminals enabled?</source>
        <translation>%1: Dort gibt es keine Jupyter-Terminals (HTTP 404): Ist der Pfad die Basis-URL des Servers, und sind seine Terminals eingeschaltet?</translation>
    </message>
    <message>
        <location filename="../core/client/webterminal.cpp" line="535"/>
        <source>%1: creating a terminal failed (HTTP %2 %3)</source>
        <translation>%1: Das Terminal konnte nicht angelegt werden (HTTP %2 %3)</translation>
    </message>
    <message>
        <location filename="../core/client/webterminal.cpp" line="542"/>
        <source>%1: not a Jupyter server (no terminal name in its answer)</source>
        <translation>%1: Kein Jupyter-Server (kein Terminalname in seiner Antwort)</translation>
    </message>
    <message>
        <location filename="../core/client/webterminal.cpp" line="569"/>
        <source>%1: the shell in the Jupyter terminal ended</source>
        <translation>%1: Die Shell im Jupyter-Terminal wurde beendet</translation>
    </message>
    <message>
        <location filename="../core/client/incomingzip.cpp"/>
        <source>the archive stream is damaged: %1</source>
        <translation>der Archivstrom ist beschädigt: %1</translation>
    </message>
    <message>
        <location filename="../core/client/incomingzip.cpp"/>
        <source>could not write the zip %1: %2</source>
        <translation>das Zip %1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../core/client/incomingzip.cpp"/>
        <source>data out of order</source>
        <translation>Daten in falscher Reihenfolge</translation>
    </message>
    <message>
        <location filename="../core/client/incomingzip.cpp"/>
        <source>a long name of %1 bytes</source>
        <translation>ein langer Name von %1 Bytes</translation>
    </message>
    <message>
        <location filename="../core/client/incomingzip.cpp"/>
        <source>%1: the archive did not arrive whole</source>
        <translation>%1: das Archiv kam nicht vollständig an</translation>
    </message>
    <message>
        <location filename="../core/client/incomingzip.cpp"/>
        <source>it ends inside an entry</source>
        <translation>es endet mitten in einem Eintrag</translation>
    </message>
</context>
<context>
    <name>ferry::client::BatchDownloadJob</name>
    <message>
        <location filename="../core/client/batchjobs.cpp" line="270"/>
        <source>batch data out of place</source>
        <translation>Stapeldaten an falscher Stelle</translation>
    </message>
    <message>
        <location filename="../core/client/batchjobs.cpp" line="304"/>
        <source>the batch ended early</source>
        <translation>der Stapel endete vorzeitig</translation>
    </message>
    <message>
        <location filename="../core/client/batchjobs.cpp" line="411"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>ferry::client::BatchUploadJob</name>
    <message>
        <location filename="../core/client/batchjobs.cpp" line="181"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>ferry::client::DownloadJob</name>
    <message>
        <location filename="../core/client/downloadjob.cpp" line="144"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>ferry::client::ExecJob</name>
    <message>
        <location filename="../core/client/execjob.cpp" line="66"/>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <location filename="../core/client/execjob.cpp" line="96"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../core/client/execjob.cpp" line="149"/>
        <source>command output on channel %1</source>
        <translation>Befehlsausgabe auf Kanal %1</translation>
    </message>
</context>
<context>
    <name>ferry::client::TransferJob</name>
    <message>
        <location filename="../core/client/transferjob.cpp" line="73"/>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <location filename="../core/client/transferjob.cpp" line="95"/>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
</context>
<context>
    <name>ferry::client::UploadJob</name>
    <message>
        <location filename="../core/client/uploadjob.cpp" line="155"/>
        <source>cancelled by the user</source>
        <translation>vom Benutzer abgebrochen</translation>
    </message>
    <message>
        <location filename="../core/client/uploadjob.cpp" line="157"/>
        <source>paused by the user</source>
        <translation>vom Benutzer angehalten</translation>
    </message>
</context>
<context>
    <name>ferry::copy::CopyJob</name>
    <message numerus="yes">
        <source>%n entries could not be copied; the first: %1</source>
        <translation>
            <numerusform>%n Eintrag konnte nicht kopiert werden; der erste: %1</numerusform>
            <numerusform>%n Einträge konnten nicht kopiert werden; der erste: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/copy/copyjob.cpp" line="58"/>
        <source>nothing to copy</source>
        <translation>nichts zu kopieren</translation>
    </message>
    <message>
        <location filename="../core/copy/copyjob.cpp" line="173"/>
        <source>the connection to the agent is gone</source>
        <translation>die Verbindung zum Agenten besteht nicht mehr</translation>
    </message>
    <message>
        <location filename="../core/copy/copyplanning.cpp" line="87"/>
        <source>one source only when the destination is its new name</source>
        <translation>nur eine Quelle, wenn das Ziel ihr neuer Name ist</translation>
    </message>
    <message>
        <location filename="../core/copy/copyplanning.cpp" line="91"/>
        <source>target &apos;%1&apos; is not a directory</source>
        <translation>Ziel „%1“ ist kein Ordner</translation>
    </message>
    <message>
        <location filename="../core/copy/copyplanning.cpp" line="106"/>
        <source>&apos;%1&apos; has no name to copy it under; name the destination</source>
        <translation>„%1“ hat keinen Namen, unter dem es kopiert werden kann; geben Sie das Ziel mit Namen an</translation>
    </message>
    <message>
        <location filename="../core/copy/copyplanning.cpp" line="114"/>
        <source>cannot copy &apos;%1&apos; into itself</source>
        <translation>„%1“ kann nicht in sich selbst kopiert werden</translation>
    </message>
    <message>
        <location filename="../core/copy/copyplanning.cpp" line="142"/>
        <source>-r not specified; omitting directory &apos;%1&apos;</source>
        <translation>-r nicht angegeben; Ordner „%1“ wird ausgelassen</translation>
    </message>
    <message>
        <location filename="../core/copy/copyplanning.cpp" line="144"/>
        <source>cannot create &apos;%1&apos;: Not a directory</source>
        <translation>„%1“ kann nicht erstellt werden: Ist kein Verzeichnis</translation>
    </message>
    <message>
        <location filename="../core/copy/copyplanning.cpp" line="150"/>
        <location filename="../core/copy/copyplanning.cpp" line="151"/>
        <location filename="../core/copy/copyplanning.cpp" line="223"/>
        <source>skipping special file &apos;%1&apos;</source>
        <translation>Spezialdatei „%1“ wird übersprungen</translation>
    </message>
    <message>
        <location filename="../core/copy/copyplanning.cpp" line="224"/>
        <source>special file</source>
        <translation>Spezialdatei</translation>
    </message>
    <message>
        <location filename="../core/copy/copyplanning.cpp" line="327"/>
        <source>not enough space on %1: the copy needs %2, %3 are free</source>
        <translation>nicht genug Speicherplatz auf %1: Die Kopie benötigt %2, frei sind %3</translation>
    </message>
    <message>
        <location filename="../core/copy/copyexecution.cpp" line="152"/>
        <source>%1: already exists</source>
        <translation>%1: existiert bereits</translation>
    </message>
    <message>
        <location filename="../core/copy/copyexecution.cpp" line="165"/>
        <source>there is no one to ask</source>
        <translation>es ist niemand da, der gefragt werden kann</translation>
    </message>
    <message>
        <location filename="../core/copy/copyexecution.cpp" line="166"/>
        <source>%1 exists; %2</source>
        <translation>%1 existiert; %2</translation>
    </message>
    <message>
        <location filename="../core/copy/copyexecution.cpp" line="214"/>
        <source>exists</source>
        <translation>existiert</translation>
    </message>
    <message>
        <location filename="../core/copy/copyexecution.cpp" line="226"/>
        <source>the destination is not older</source>
        <translation>das Ziel ist nicht älter</translation>
    </message>
    <message>
        <location filename="../core/copy/copyexecution.cpp" line="233"/>
        <source>cannot overwrite directory &apos;%1&apos; with a non-directory</source>
        <translation>Ordner „%1“ kann nicht mit einem Nicht-Ordner überschrieben werden</translation>
    </message>
    <message>
        <location filename="../core/copy/copyexecution.cpp" line="234"/>
        <source>cannot overwrite non-directory &apos;%1&apos; with a directory</source>
        <translation>Nicht-Ordner „%1“ kann nicht mit einem Ordner überschrieben werden</translation>
    </message>
    <message>
        <location filename="../core/copy/copyexecution.cpp" line="273"/>
        <location filename="../core/copy/copyexecution.cpp" line="491"/>
        <location filename="../core/copy/copycontrol.cpp" line="161"/>
        <location filename="../core/copy/copycontrol.cpp" line="164"/>
        <location filename="../core/copy/copycontrol.cpp" line="169"/>
        <location filename="../core/copy/copycontrol.cpp" line="223"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../core/copy/copyexecution.cpp" line="577"/>
        <source>%1 entries could not be copied; the first: %2</source>
        <translation>%1 Einträge konnten nicht kopiert werden; der erste: %2</translation>
    </message>
</context>
<context>
    <name>ferry::copy::MoveJob</name>
    <message numerus="yes">
        <source>%n entries could not be moved; the first: %1</source>
        <translation>
            <numerusform>%n Eintrag konnte nicht verschoben werden; der erste: %1</numerusform>
            <numerusform>%n Einträge konnten nicht verschoben werden; der erste: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/copy/movejob.cpp" line="55"/>
        <source>nothing to move</source>
        <translation>nichts zu verschieben</translation>
    </message>
    <message>
        <location filename="../core/copy/movejob.cpp" line="83"/>
        <source>target &apos;%1&apos; is not a directory</source>
        <translation>Ziel „%1“ ist kein Ordner</translation>
    </message>
    <message>
        <location filename="../core/copy/movejob.cpp" line="98"/>
        <source>%1 entries could not be moved; the first: %2</source>
        <translation>%1 Einträge konnten nicht verschoben werden; der erste: %2</translation>
    </message>
    <message>
        <location filename="../core/copy/movejob.cpp" line="106"/>
        <source>cannot move the served folder itself</source>
        <translation>der freigegebene Ordner selbst kann nicht verschoben werden</translation>
    </message>
    <message>
        <location filename="../core/copy/movejob.cpp" line="110"/>
        <source>it is already there</source>
        <translation>es ist bereits dort</translation>
    </message>
    <message>
        <location filename="../core/copy/movejob.cpp" line="114"/>
        <source>cannot move &apos;%1&apos; into itself</source>
        <translation>„%1“ kann nicht in sich selbst verschoben werden</translation>
    </message>
    <message>
        <location filename="../core/copy/movejob.cpp" line="159"/>
        <source>&apos;%1&apos; exists; not replacing it</source>
        <translation>„%1“ existiert; wird nicht ersetzt</translation>
    </message>
    <message>
        <location filename="../core/copy/movejob.cpp" line="165"/>
        <source>&apos;%1&apos; exists and there is no one to ask</source>
        <translation>„%1“ existiert und es ist niemand da, der gefragt werden kann</translation>
    </message>
    <message>
        <location filename="../core/copy/movejob.cpp" line="213"/>
        <source>&apos;%1&apos; exists</source>
        <translation>„%1“ existiert</translation>
    </message>
    <message>
        <location filename="../core/copy/movejob.cpp" line="221"/>
        <source>&apos;%1&apos; is not older</source>
        <translation>„%1“ ist nicht älter</translation>
    </message>
    <message>
        <location filename="../core/copy/movejob.cpp" line="228"/>
        <source>cannot replace &apos;%1&apos; with &apos;%2&apos;: one is a folder, the other is not</source>
        <translation>„%1“ kann nicht durch „%2“ ersetzt werden: Eines ist ein Ordner, das andere nicht</translation>
    </message>
</context>
<context>
    <name>ferry::exec::ChildProcess</name>
    <message>
        <location filename="../core/exec/childprocess.cpp" line="199"/>
        <source>The process was already started</source>
        <translation>Der Prozess wurde bereits gestartet</translation>
    </message>
    <message>
        <location filename="../core/exec/childprocess.cpp" line="205"/>
        <source>No program to run</source>
        <translation>Kein auszuführendes Programm</translation>
    </message>
    <message>
        <location filename="../core/exec/childprocess.cpp" line="210"/>
        <source>%1: an argument contains a NUL character</source>
        <translation>%1: Ein Argument enthält ein NUL-Zeichen</translation>
    </message>
    <message>
        <location filename="../core/exec/childprocess.cpp" line="229"/>
        <source>Invalid environment entry &quot;%1&quot;</source>
        <translation>Ungültiger Umgebungseintrag „%1“</translation>
    </message>
    <message>
        <location filename="../core/exec/childprocess.cpp" line="240"/>
        <source>%1: the working directory must be an absolute path</source>
        <translation>%1: Der Arbeitsordner muss ein absoluter Pfad sein</translation>
    </message>
</context>
<context>
    <name>ferry::net</name>
    <message>
        <location filename="../core/net/websockettransport.cpp" line="23"/>
        <source>unexpected text message</source>
        <translation>unerwartete Textnachricht</translation>
    </message>
    <message>
        <location filename="../core/net/websockettransport.cpp" line="30"/>
        <source>connection closed by the peer</source>
        <translation>Verbindung von der Gegenstelle geschlossen</translation>
    </message>
    <message>
        <location filename="../core/net/websockettransport.cpp" line="107"/>
        <source>the server redirects to another address (%1), which a WebSocket does not follow: check the URL&apos;s path (behind a reverse proxy, perhaps its trailing slash)</source>
        <translation>der Server leitet auf eine andere Adresse um (%1), der ein WebSocket nicht folgt: Stimmt der Pfad der URL (hinter einem Reverse-Proxy vielleicht mit abschließendem Schrägstrich)?</translation>
    </message>
    <message>
        <location filename="../core/net/websockettransport.cpp" line="109"/>
        <source>nothing answers at this path (%1): check the URL&apos;s path</source>
        <translation>unter diesem Pfad antwortet nichts (%1): Stimmt der Pfad der URL?</translation>
    </message>
    <message>
        <location filename="../core/net/websockettransport.cpp" line="111"/>
        <source>a proxy answered that it could not reach the server behind it (%1)</source>
        <translation>ein Proxy hat geantwortet, dass er den Server hinter sich nicht erreicht (%1)</translation>
    </message>
    <message>
        <location filename="../core/net/websockettransport.cpp" line="112"/>
        <source>the server answered %1 instead of opening a WebSocket</source>
        <translation>der Server hat mit %1 geantwortet, statt ein WebSocket zu öffnen</translation>
    </message>
    <message>
        <location filename="../core/net/connection.cpp" line="204"/>
        <source>flow control violation: data beyond the connection window</source>
        <translation>Verletzung der Flusskontrolle: Daten jenseits des Verbindungsfensters</translation>
    </message>
    <message>
        <location filename="../core/net/connection.cpp" line="214"/>
        <source>data for unknown stream %1</source>
        <translation>Daten für unbekannten Stream %1</translation>
    </message>
    <message>
        <location filename="../core/net/connection.cpp" line="218"/>
        <source>flow control violation: data beyond the window of stream %1</source>
        <translation>Verletzung der Flusskontrolle: Daten jenseits des Fensters von Stream %1</translation>
    </message>
    <message>
        <location filename="../core/net/connection.cpp" line="222"/>
        <source>data for send-only stream %1</source>
        <translation>Daten für reinen Sende-Stream %1</translation>
    </message>
    <message>
        <location filename="../core/net/connection.cpp" line="291"/>
        <source>the peer did not answer for %1 s: connection considered dead</source>
        <translation>die Gegenstelle hat %1 s lang nicht geantwortet: Verbindung gilt als tot</translation>
    </message>
    <message>
        <location filename="../core/net/truststore.cpp" line="76"/>
        <source>%1: cannot save the trusted certificate: %2</source>
        <translation>%1: Das vertrauenswürdige Zertifikat kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <location filename="../core/net/streamframing.cpp" line="82"/>
        <source>stream message of %1 bytes is outside the limits (1 to %2)</source>
        <translation>Stream-Nachricht mit %1 Bytes liegt außerhalb der Grenzen (1 bis %2)</translation>
    </message>
    <message>
        <location filename="../core/net/streamframing.cpp" line="94"/>
        <source>stream line longer than %1 bytes</source>
        <translation>Stream-Zeile länger als %1 Bytes</translation>
    </message>
    <message>
        <location filename="../core/net/streamframing.cpp" line="103"/>
        <location filename="../core/net/streamframing.cpp" line="110"/>
        <source>stream message above the limit of %1 bytes</source>
        <translation>Stream-Nachricht über der Grenze von %1 Bytes</translation>
    </message>
    <message>
        <location filename="../core/net/streamframing.cpp" line="106"/>
        <source>stream line is not base64</source>
        <translation>Stream-Zeile ist kein Base64</translation>
    </message>
    <message>
        <location filename="../core/net/streamtransport.cpp" line="42"/>
        <source>the stream to the peer ended</source>
        <translation>der Stream zur Gegenstelle ist zu Ende</translation>
    </message>
    <message>
        <location filename="../core/net/streamtransport.cpp" line="115"/>
        <source>stream aborted</source>
        <translation>Stream abgebrochen</translation>
    </message>
    <message>
        <location filename="../core/net/stdionegotiation.cpp" line="43"/>
        <source>no client answered the greeting in time</source>
        <translation>kein Client hat rechtzeitig auf die Begrüßung geantwortet</translation>
    </message>
    <message>
        <location filename="../core/net/stdionegotiation.cpp" line="44"/>
        <source>the agent did not greet in time</source>
        <translation>der Agent hat nicht rechtzeitig gegrüßt</translation>
    </message>
    <message>
        <location filename="../core/net/stdionegotiation.cpp" line="61"/>
        <source>the client closed the stream</source>
        <translation>der Client hat den Stream geschlossen</translation>
    </message>
    <message>
        <location filename="../core/net/stdionegotiation.cpp" line="61"/>
        <source>the stream ended before the agent greeted</source>
        <translation>der Stream endete, bevor der Agent grüßte</translation>
    </message>
    <message>
        <location filename="../core/net/stdionegotiation.cpp" line="108"/>
        <source>no agent greeted among the first %1 bytes of output</source>
        <translation>in den ersten %1 Bytes der Ausgabe hat kein Agent gegrüßt</translation>
    </message>
    <message>
        <location filename="../core/net/stdionegotiation.cpp" line="120"/>
        <source>the channel mangles the agent&apos;s greeting beyond recognition</source>
        <translation>der Kanal entstellt die Begrüßung des Agenten bis zur Unkenntlichkeit</translation>
    </message>
    <message>
        <location filename="../core/net/stdionegotiation.cpp" line="133"/>
        <source>the agent did not confirm the framing</source>
        <translation>der Agent hat die Rahmung nicht bestätigt</translation>
    </message>
    <message>
        <location filename="../core/net/stdionegotiation.cpp" line="138"/>
        <source>the agent confirmed an unknown framing</source>
        <translation>der Agent hat eine unbekannte Rahmung bestätigt</translation>
    </message>
    <message>
        <location filename="../core/net/stdionegotiation.cpp" line="150"/>
        <source>the client&apos;s answer is not a Ferry probe</source>
        <translation>die Antwort des Clients ist keine Ferry-Probe</translation>
    </message>
    <message>
        <location filename="../core/net/stdionegotiation.cpp" line="158"/>
        <source>the client asked for an unknown framing</source>
        <translation>der Client hat eine unbekannte Rahmung verlangt</translation>
    </message>
    <message>
        <location filename="../core/net/stdionegotiation.cpp" line="165"/>
        <source>the channel mangles the client&apos;s probe beyond recognition</source>
        <translation>der Kanal entstellt die Probe des Clients bis zur Unkenntlichkeit</translation>
    </message>
    <message>
        <location filename="../core/net/wirecompression.cpp"/>
        <source>a compressed data frame does not decompress</source>
        <translation>ein komprimierter Datenrahmen lässt sich nicht entpacken</translation>
    </message>
    <message>
        <location filename="../core/net/wirecompression.cpp"/>
        <source>a compressed data frame holds more than a frame may</source>
        <translation>ein komprimierter Datenrahmen enthält mehr, als ein Rahmen darf</translation>
    </message>
    <message>
        <location filename="../core/net/wirecompression.cpp"/>
        <source>a compressed data frame holds more than it claims</source>
        <translation>ein komprimierter Datenrahmen enthält mehr, als er angibt</translation>
    </message>
    <message>
        <location filename="../core/net/connection.cpp"/>
        <source>a compressed data frame on a connection without compression</source>
        <translation>ein komprimierter Datenrahmen auf einer Verbindung ohne Kompression</translation>
    </message>
    <message>
        <location filename="../core/net/websockettransport.cpp"/>
        <source>nothing listens there (connection refused): is the agent running, and on this port?</source>
        <translation>dort lauscht nichts (Verbindung abgelehnt): Läuft der Agent, und auf diesem Port?</translation>
    </message>
    <message>
        <location filename="../core/net/websockettransport.cpp"/>
        <source>no such host: check the name in the URL</source>
        <translation>diesen Rechner gibt es nicht: Stimmt der Name in der URL?</translation>
    </message>
    <message>
        <location filename="../core/net/websockettransport.cpp"/>
        <source>cannot reach it (%1): check the network and the address</source>
        <translation>nicht erreichbar (%1): Stimmen Netz und Adresse?</translation>
    </message>
</context>
<context>
    <name>ferry::pathcodec</name>
    <message>
        <location filename="../core/pathcodec.cpp" line="219"/>
        <source>%1: &quot;%2&quot; is not an escape (a backslash is written \\, a byte \xHH)</source>
        <translation>%1: „%2“ ist keine Maskierung (ein Backslash wird \\ geschrieben, ein Byte \xHH)</translation>
    </message>
</context>
<context>
    <name>ferry::protocol</name>
    <message>
        <location filename="../core/protocol/frame.cpp" line="50"/>
        <source>empty message</source>
        <translation>leere Nachricht</translation>
    </message>
    <message>
        <location filename="../core/protocol/frame.cpp" line="52"/>
        <source>message of %1 bytes exceeds the limit of %2</source>
        <translation>Nachricht mit %1 Bytes überschreitet die Grenze von %2</translation>
    </message>
    <message>
        <location filename="../core/protocol/frame.cpp" line="58"/>
        <source>truncated data frame header</source>
        <translation>abgeschnittener Kopf eines Datenrahmens</translation>
    </message>
    <message>
        <location filename="../core/protocol/frame.cpp" line="60"/>
        <source>data frame payload exceeds %1 bytes</source>
        <translation>Nutzdaten des Datenrahmens überschreiten %1 Bytes</translation>
    </message>
    <message>
        <location filename="../core/protocol/frame.cpp" line="67"/>
        <source>data frame offset out of range</source>
        <translation>Offset des Datenrahmens außerhalb des gültigen Bereichs</translation>
    </message>
    <message>
        <location filename="../core/protocol/frame.cpp" line="72"/>
        <source>unknown frame kind 0x%1</source>
        <translation>unbekannte Rahmenart 0x%1</translation>
    </message>
    <message>
        <location filename="../core/protocol/frame.cpp" line="74"/>
        <source>control message exceeds %1 bytes</source>
        <translation>Steuernachricht überschreitet %1 Bytes</translation>
    </message>
    <message>
        <location filename="../core/protocol/frame.cpp" line="79"/>
        <source>malformed control message: %1</source>
        <translation>fehlerhafte Steuernachricht: %1</translation>
    </message>
    <message>
        <location filename="../core/protocol/frame.cpp" line="81"/>
        <source>control message is not a map</source>
        <translation>Steuernachricht ist keine Map</translation>
    </message>
    <message>
        <location filename="../core/protocol/frame.cpp" line="84"/>
        <source>control message without a type</source>
        <translation>Steuernachricht ohne Typ</translation>
    </message>
    <message>
        <location filename="../core/protocol/messagereader.cpp" line="24"/>
        <source>field &apos;%1&apos; of &apos;%2&apos;: %3</source>
        <translation>Feld „%1“ von „%2“: %3</translation>
    </message>
    <message>
        <location filename="../core/protocol/messagereader.cpp" line="31"/>
        <source>missing or not a string</source>
        <translation>fehlt oder ist keine Zeichenkette</translation>
    </message>
    <message>
        <location filename="../core/protocol/messagereader.cpp" line="46"/>
        <source>missing or not an integer</source>
        <translation>fehlt oder ist keine Ganzzahl</translation>
    </message>
    <message>
        <location filename="../core/protocol/messagereader.cpp" line="51"/>
        <source>%1 is out of range</source>
        <translation>%1 liegt außerhalb des gültigen Bereichs</translation>
    </message>
    <message>
        <location filename="../core/protocol/messagereader.cpp" line="68"/>
        <source>not a boolean</source>
        <translation>kein Boolescher Wert</translation>
    </message>
    <message>
        <location filename="../core/protocol/messagereader.cpp" line="78"/>
        <source>missing or not bytes</source>
        <translation>fehlt oder sind keine Bytes</translation>
    </message>
    <message>
        <location filename="../core/protocol/messagereader.cpp" line="83"/>
        <source>longer than %1 bytes</source>
        <translation>länger als %1 Bytes</translation>
    </message>
    <message>
        <location filename="../core/protocol/messagereader.cpp" line="98"/>
        <location filename="../core/protocol/messagereader.cpp" line="136"/>
        <source>missing or not a list</source>
        <translation>fehlt oder ist keine Liste</translation>
    </message>
    <message>
        <location filename="../core/protocol/messagereader.cpp" line="103"/>
        <location filename="../core/protocol/messagereader.cpp" line="141"/>
        <source>more than %1 items</source>
        <translation>mehr als %1 Elemente</translation>
    </message>
    <message>
        <location filename="../core/protocol/messagereader.cpp" line="109"/>
        <source>an item is not a string</source>
        <translation>ein Element ist keine Zeichenkette</translation>
    </message>
    <message>
        <location filename="../core/protocol/messagereader.cpp" line="121"/>
        <source>missing or not a path (a text or byte string)</source>
        <translation>fehlt oder ist kein Pfad (eine Text- oder Bytefolge)</translation>
    </message>
    <message>
        <location filename="../core/protocol/messagereader.cpp" line="148"/>
        <source>an item is not a path (a text or byte string)</source>
        <translation>ein Element ist kein Pfad (eine Text- oder Bytefolge)</translation>
    </message>
    <message>
        <location filename="../core/protocol/entry.cpp" line="25"/>
        <source>directory entry is not a map</source>
        <translation>Ordnereintrag ist keine Map</translation>
    </message>
    <message>
        <location filename="../core/protocol/tarheader.cpp"/>
        <source>wrong checksum</source>
        <translation>falsche Prüfsumme</translation>
    </message>
    <message>
        <location filename="../core/protocol/tarheader.cpp"/>
        <source>a number that cannot be read</source>
        <translation>eine Zahl, die sich nicht lesen lässt</translation>
    </message>
</context>
<context>
    <name>ferry::transfer</name>
    <message>
        <location filename="../core/transfer/filesource.cpp" line="24"/>
        <source>%1: the file changed while it was being sent</source>
        <translation>%1: Die Datei wurde während des Sendens verändert</translation>
    </message>
    <message>
        <location filename="../core/transfer/filesource.cpp" line="37"/>
        <source>%1: not a regular file</source>
        <translation>%1: keine reguläre Datei</translation>
    </message>
    <message>
        <location filename="../core/transfer/filesource.cpp" line="58"/>
        <location filename="../core/transfer/filesink.cpp" line="72"/>
        <source>%1: cancelled</source>
        <translation>%1: abgebrochen</translation>
    </message>
    <message>
        <location filename="../core/transfer/filesink.cpp" line="34"/>
        <source>%1: the name is too long to be received (%2 bytes; at most %3, to leave room for the part file&apos;s name)</source>
        <translation>%1: der Name ist zu lang zum Empfangen (%2 Bytes; höchstens %3, damit der Name der Teildatei Platz hat)</translation>
    </message>
    <message>
        <location filename="../core/transfer/filesink.cpp" line="49"/>
        <source>%1: another transfer is writing this file</source>
        <translation>%1: Eine andere Übertragung schreibt gerade diese Datei</translation>
    </message>
    <message>
        <location filename="../core/transfer/filesink.cpp" line="56"/>
        <source>%1: the partial file is not a regular file</source>
        <translation>%1: Die Teildatei ist keine reguläre Datei</translation>
    </message>
    <message>
        <location filename="../core/transfer/filesink.cpp" line="113"/>
        <source>%1: data at offset %2, expected %3</source>
        <translation>%1: Daten bei Offset %2, erwartet %3</translation>
    </message>
    <message>
        <location filename="../core/transfer/filesink.cpp" line="135"/>
        <source>%1: received %2 bytes, the sender announced %3</source>
        <translation>%1: %2 Bytes empfangen, der Sender hat %3 angekündigt</translation>
    </message>
    <message>
        <location filename="../core/transfer/filesink.cpp" line="138"/>
        <source>%1: checksum mismatch, the received file was discarded</source>
        <translation>%1: Prüfsumme stimmt nicht überein, die empfangene Datei wurde verworfen</translation>
    </message>
    <message>
        <location filename="../core/transfer/filesink.cpp" line="173"/>
        <source>%1: the staged file was changed before it was put in place</source>
        <translation>%1: Die bereitgestellte Datei wurde verändert, bevor sie an ihren Platz gesetzt wurde</translation>
    </message>
    <message>
        <location filename="../core/transfer/streammessages.cpp" line="45"/>
        <location filename="../core/transfer/batchmessages.cpp" line="101"/>
        <source>the peer reported an error</source>
        <translation>die Gegenstelle hat einen Fehler gemeldet</translation>
    </message>
    <message>
        <location filename="../core/transfer/job.cpp" line="42"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../core/transfer/batchmessages.cpp" line="25"/>
        <source>a batch holds at most %1 bytes</source>
        <translation>ein Stapel enthält höchstens %1 Bytes</translation>
    </message>
    <message>
        <location filename="../core/transfer/batchmessages.cpp" line="34"/>
        <source>a batch holds 1 to %1 files</source>
        <translation>ein Stapel enthält 1 bis %1 Dateien</translation>
    </message>
    <message>
        <location filename="../core/transfer/batchmessages.cpp" line="59"/>
        <location filename="../core/transfer/batchmessages.cpp" line="109"/>
        <source>the agent answered for %1 files, not %2</source>
        <translation>der Agent hat für %1 Dateien geantwortet, nicht für %2</translation>
    </message>
    <message>
        <location filename="../core/transfer/batchmessages.cpp" line="70"/>
        <source>a file of the batch has an error that is none</source>
        <translation>eine Datei des Stapels hat einen Fehler, der keiner ist</translation>
    </message>
    <message>
        <location filename="../core/transfer/batchmessages.cpp" line="96"/>
        <source>a file&apos;s result is neither 0 nor [code, message]</source>
        <translation>das Ergebnis einer Datei ist weder 0 noch [Code, Meldung]</translation>
    </message>
</context>
<context>
    <name>ferry::ui::CertificatePrompt</name>
    <message>
        <location filename="../ui/certificateprompt.cpp" line="26"/>
        <source>Agent Certificate Changed</source>
        <translation>Zertifikat des Agenten geändert</translation>
    </message>
    <message>
        <location filename="../ui/certificateprompt.cpp" line="27"/>
        <source>&lt;p&gt;The agent at &lt;b&gt;%1&lt;/b&gt; presents a different certificate than the one you trusted before. Someone may be intercepting the connection.&lt;/p&gt;&lt;p&gt;New SHA-256 fingerprint:&lt;/p&gt;%2&lt;p&gt;Trust it only if the agent was given a new certificate and this fingerprint is the one it printed at start.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Agent unter &lt;b&gt;%1&lt;/b&gt; legt ein anderes Zertifikat vor als das, dem Sie zuvor vertraut haben. Möglicherweise wird die Verbindung abgehört.&lt;/p&gt;&lt;p&gt;Neuer SHA-256-Fingerabdruck:&lt;/p&gt;%2&lt;p&gt;Vertrauen Sie ihm nur, wenn der Agent ein neues Zertifikat erhalten hat und dieser Fingerabdruck der ist, den er beim Start ausgegeben hat.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/certificateprompt.cpp" line="33"/>
        <source>Unknown Agent Certificate</source>
        <translation>Unbekanntes Zertifikat des Agenten</translation>
    </message>
    <message>
        <location filename="../ui/certificateprompt.cpp" line="34"/>
        <source>&lt;p&gt;The agent at &lt;b&gt;%1&lt;/b&gt; presents a certificate that no authority vouches for.&lt;/p&gt;&lt;p&gt;SHA-256 fingerprint:&lt;/p&gt;%2&lt;p&gt;Compare it with what the agent printed at start. Trust this certificate?&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Agent unter &lt;b&gt;%1&lt;/b&gt; legt ein Zertifikat vor, für das keine Zertifizierungsstelle bürgt.&lt;/p&gt;&lt;p&gt;SHA-256-Fingerabdruck:&lt;/p&gt;%2&lt;p&gt;Vergleichen Sie ihn mit dem, was der Agent beim Start ausgegeben hat. Diesem Zertifikat vertrauen?&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/certificateprompt.cpp" line="38"/>
        <source>&amp;Trust the New Certificate</source>
        <translation>Dem neuen Zertifikat &amp;vertrauen</translation>
    </message>
    <message>
        <location filename="../ui/certificateprompt.cpp" line="38"/>
        <source>&amp;Trust</source>
        <translation>&amp;Vertrauen</translation>
    </message>
    <message>
        <location filename="../ui/certificateprompt.cpp" line="39"/>
        <source>Trust the new certificate</source>
        <translation>Dem neuen Zertifikat vertrauen</translation>
    </message>
    <message>
        <location filename="../ui/certificateprompt.cpp" line="39"/>
        <source>Trust</source>
        <translation>Vertrauen</translation>
    </message>
    <message>
        <location filename="../ui/certificateprompt.cpp" line="41"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/certificateprompt.cpp" line="73"/>
        <source>Cannot Trust the Certificate</source>
        <translation>Dem Zertifikat kann nicht vertraut werden</translation>
    </message>
</context>
<context>
    <name>ferry::ui::ConflictDialog</name>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="40"/>
        <source>Location:</source>
        <translation>Ort:</translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="41"/>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="41"/>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="42"/>
        <source>Modified:</source>
        <translation>Geändert:</translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="53"/>
        <source>&amp;Apply to all remaining conflicts of this copy</source>
        <translation>&amp;Auf alle verbleibenden Konflikte dieses Kopiervorgangs anwenden</translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="56"/>
        <source>Name Already in Use</source>
        <translation>Name bereits vergeben</translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="56"/>
        <source>File Already Exists</source>
        <translation>Datei existiert bereits</translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="59"/>
        <source>A folder and a file cannot share the name &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>Ein Ordner und eine Datei können nicht denselben Namen &lt;b&gt;%1&lt;/b&gt; haben.</translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="60"/>
        <source>&lt;b&gt;%1&lt;/b&gt; already exists.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; existiert bereits.</translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="64"/>
        <source>Existing</source>
        <translation>Vorhanden</translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="65"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="69"/>
        <source>New &amp;name:</source>
        <translation>Neuer Na&amp;me:</translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="71"/>
        <source>New name</source>
        <translation>Neuer Name</translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="85"/>
        <source>&amp;Overwrite</source>
        <translation>&amp;Überschreiben</translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="86"/>
        <source>Overwrite if &amp;Newer</source>
        <translation>Überschreiben, falls &amp;neuer</translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="89"/>
        <source>Res&amp;ume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="90"/>
        <source>&amp;Rename</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="91"/>
        <source>&amp;Skip</source>
        <translation>Über&amp;springen</translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="92"/>
        <source>&amp;Cancel Copy</source>
        <translation>Kopieren a&amp;bbrechen</translation>
    </message>
</context>
<context>
    <name>ferry::ui::ConnectDialog</name>
    <message>
        <location filename="../ui/connectdialog.cpp" line="46"/>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="55"/>
        <source>&amp;Delete Site</source>
        <translation>Profil &amp;löschen</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="60"/>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="62"/>
        <source>Connect to Agent</source>
        <translation>Mit Agent verbinden</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="95"/>
        <source>&amp;Saved sites:</source>
        <translation>&amp;Gespeicherte Profile:</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="99"/>
        <source>&amp;Recent connections:</source>
        <translation>&amp;Zuletzt genutzte Verbindungen:</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="113"/>
        <source>Saved sites</source>
        <translation>Gespeicherte Profile</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="114"/>
        <source>Delete site</source>
        <translation>Profil löschen</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="115"/>
        <source>Recent connections</source>
        <translation>Zuletzt genutzte Verbindungen</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="116"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="117"/>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="118"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="134"/>
        <location filename="../ui/connectdialog.cpp" line="149"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="323"/>
        <source>Enter a name for the site.</source>
        <translation>Geben Sie einen Namen für das Profil ein.</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="292"/>
        <source>The pasted token is too short: an agent&apos;s token has at least %1 characters.</source>
        <translation>Das eingefügte Token ist zu kurz: Das Token eines Agenten hat mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="309"/>
        <location filename="../ui/connectdialog.cpp" line="398"/>
        <source>Reading the token from the system keychain…</source>
        <translation>Token wird aus dem Schlüsselbund des Systems gelesen…</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="313"/>
        <source>Choose the agent&apos;s token file or paste its token.</source>
        <translation>Wählen Sie die Token-Datei des Agenten aus oder fügen Sie sein Token ein.</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="334"/>
        <source>Enter the command that opens a shell on the remote machine, for example ssh -T user@host.</source>
        <translation>Geben Sie den Befehl ein, der eine Shell auf dem entfernten Rechner öffnet, zum Beispiel ssh -T user@host.</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="402"/>
        <source>A Jupyter server needs its token: paste it, choose a file holding it, or paste the server&apos;s address with the token, as the browser shows it.</source>
        <translation>Ein Jupyter-Server braucht sein Token: Fügen Sie es ein, wählen Sie eine Datei aus, die es enthält, oder fügen Sie die Adresse des Servers mit dem Token ein, wie der Browser sie anzeigt.</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="450"/>
        <source>Saving the token in the system keychain…</source>
        <translation>Token wird im Schlüsselbund des Systems gespeichert…</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="478"/>
        <source>Paste the token or choose a token file.</source>
        <translation>Fügen Sie das Token ein oder wählen Sie eine Token-Datei aus.</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="497"/>
        <source>Press Connect to go on without saving the token.</source>
        <translation>Klicken Sie auf „Verbinden“, um ohne Speichern des Tokens fortzufahren.</translation>
    </message>
</context>
<context>
    <name>ferry::ui::ConnectionForm</name>
    <message>
        <location filename="../ui/connectionform.cpp" line="35"/>
        <source>Ferry &amp;agent</source>
        <translation>Ferry-&amp;Agent</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="36"/>
        <source>C&amp;ommand</source>
        <translation>&amp;Befehl</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="37"/>
        <source>&amp;Web terminal</source>
        <translation>&amp;Web-Terminal</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="39"/>
        <source>Choose the Agent&apos;s Token File</source>
        <translation>Token-Datei des Agenten auswählen</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="46"/>
        <source>Choose the File Holding the Jupyter Server&apos;s Token</source>
        <translation>Datei mit dem Token des Jupyter-Servers auswählen</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="48"/>
        <source>Sa&amp;ve as site</source>
        <translation>Als Profil s&amp;peichern</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="77"/>
        <source>Connect through:</source>
        <translation>Verbinden über:</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="80"/>
        <source>Agent &amp;URL:</source>
        <translation>Agent-&amp;URL:</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="91"/>
        <source>Command &amp;line:</source>
        <translation>Be&amp;fehlszeile:</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="93"/>
        <source>Runs on this computer through /bin/sh -c; its input and output must be a shell on the remote machine. Ferry brings its agent along: uploaded on the first connection, kept there for the next.</source>
        <translation>Läuft auf diesem Rechner über /bin/sh -c; seine Ein- und Ausgabe müssen eine Shell auf dem entfernten Rechner sein. Ferry bringt seinen Agenten mit: Er wird bei der ersten Verbindung hochgeladen und bleibt dort für die nächste.</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="104"/>
        <source>&amp;Type:</source>
        <translation>T&amp;yp:</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="107"/>
        <source>Addr&amp;ess:</source>
        <translation>Adre&amp;sse:</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="115"/>
        <source>Remote &amp;folder:</source>
        <translation>Entfernter &amp;Ordner:</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="119"/>
        <source>Site na&amp;me:</source>
        <translation>Profil&amp;name:</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="132"/>
        <source>E&amp;xamples</source>
        <translation>Bei&amp;spiele</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="133"/>
        <source>Fill in an example command line</source>
        <translation>Eine Beispiel-Befehlszeile einsetzen</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="141"/>
        <source>SSH: %1</source>
        <translation>SSH: %1</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="142"/>
        <source>Kubernetes pod: %1</source>
        <translation>Kubernetes-Pod: %1</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="143"/>
        <source>Docker container: %1</source>
        <translation>Docker-Container: %1</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="158"/>
        <source>Connect through a Ferry agent</source>
        <translation>Über einen Ferry-Agenten verbinden</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="159"/>
        <source>Connect through a command</source>
        <translation>Über einen Befehl verbinden</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="160"/>
        <source>Connect through a web terminal</source>
        <translation>Über ein Web-Terminal verbinden</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="161"/>
        <source>Agent URL</source>
        <translation>Agent-URL</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="162"/>
        <source>Token file</source>
        <translation>Token-Datei</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="162"/>
        <source>Browse for the token file</source>
        <translation>Token-Datei auswählen</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="162"/>
        <source>Pasted token</source>
        <translation>Eingefügtes Token</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="163"/>
        <source>Command line</source>
        <translation>Befehlszeile</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="164"/>
        <source>Example commands</source>
        <translation>Beispielbefehle</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="165"/>
        <source>Web terminal type</source>
        <translation>Art des Web-Terminals</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="166"/>
        <source>Web terminal address</source>
        <translation>Adresse des Web-Terminals</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="167"/>
        <source>Jupyter token file</source>
        <translation>Token-Datei für Jupyter</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="167"/>
        <source>Browse for the Jupyter token file</source>
        <translation>Token-Datei für Jupyter auswählen</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="167"/>
        <source>Pasted Jupyter token</source>
        <translation>Eingefügtes Jupyter-Token</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="168"/>
        <source>Remote folder</source>
        <translation>Entfernter Ordner</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="169"/>
        <source>Save as site</source>
        <translation>Als Profil speichern</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="170"/>
        <source>Site name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="250"/>
        <source>Empty: the shell&apos;s working directory</source>
        <translation>Leer: das Arbeitsverzeichnis der Shell</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="250"/>
        <source>Empty: the terminal&apos;s starting folder</source>
        <translation>Leer: der Startordner des Terminals</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="251"/>
        <source>The folder Ferry serves on the remote machine. A relative path starts in the shell&apos;s working directory (for ssh, the home folder); ~ is not expanded.</source>
        <translation>Der Ordner, den Ferry auf dem entfernten Rechner bereitstellt. Ein relativer Pfad beginnt im Arbeitsverzeichnis der Shell (bei ssh im persönlichen Ordner); ~ wird nicht ersetzt.</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="253"/>
        <source>The folder Ferry serves on the remote machine. A relative path starts in the terminal&apos;s starting folder (WeTTY&apos;s: the home folder; Jupyter&apos;s: the server&apos;s root folder); ~ is not expanded.</source>
        <translation>Der Ordner, den Ferry auf dem entfernten Rechner bereitstellt. Ein relativer Pfad beginnt im Startordner des Terminals (bei WeTTY der Benutzerordner, bei Jupyter der Wurzelordner des Servers); ~ wird nicht erweitert.</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="256"/>
        <source>The address of JupyterLab or Notebook as the browser shows it; a token in it moves to the token field. Ferry brings its agent along through a terminal of the server: uploaded on the first connection, kept there for the next.</source>
        <translation>Die Adresse von JupyterLab oder Notebook, wie der Browser sie anzeigt; ein Token darin wandert in das Token-Feld. Ferry bringt seinen Agenten über ein Terminal des Servers mit: Er wird bei der ersten Verbindung hochgeladen und bleibt dort für die nächste.</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="258"/>
        <source>The address of WeTTY&apos;s page as the browser shows it. Ferry brings its agent along through the terminal: uploaded on the first connection, kept there for the next.</source>
        <translation>Die Adresse der WeTTY-Seite, wie der Browser sie anzeigt. Ferry bringt seinen Agenten über das Terminal mit: Er wird bei der ersten Verbindung hochgeladen und bleibt dort für die nächste.</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="366"/>
        <source>Enter the agent&apos;s URL, for example ws://host:7707.</source>
        <translation>Geben Sie die URL des Agenten ein, zum Beispiel ws://host:7707.</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="369"/>
        <source>“%1” is not a valid URL.</source>
        <translation>„%1“ ist keine gültige URL.</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="371"/>
        <source>The agent URL must start with ws:// or wss://.</source>
        <translation>Die Agent-URL muss mit ws:// oder wss:// beginnen.</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="373"/>
        <source>The agent URL has no host name.</source>
        <translation>Die Agent-URL enthält keinen Rechnernamen.</translation>
    </message>
    <message>
        <location filename="../ui/connectionform.cpp" line="375"/>
        <source>Port 0 is not a valid port for the agent.</source>
        <translation>Port 0 ist kein gültiger Port für den Agenten.</translation>
    </message>
</context>
<context>
    <name>ferry::ui::ConnectionIndicator</name>
    <message>
        <location filename="../ui/connectionindicator.cpp" line="124"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../ui/connectionindicator.cpp" line="45"/>
        <source>Agent upload</source>
        <translation>Hochladen des Agenten</translation>
    </message>
    <message>
        <location filename="../ui/connectionindicator.cpp" line="87"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/connectionindicator.cpp" line="104"/>
        <source>Command: %1</source>
        <translation>Befehl: %1</translation>
    </message>
    <message>
        <location filename="../ui/connectionindicator.cpp" line="102"/>
        <location filename="../ui/connectionindicator.cpp" line="105"/>
        <source>Remote folder: %1</source>
        <translation>Entfernter Ordner: %1</translation>
    </message>
    <message>
        <location filename="../ui/connectionindicator.cpp" line="101"/>
        <source>Web terminal: %1, %2</source>
        <translation>Web-Terminal: %1, %2</translation>
    </message>
    <message>
        <location filename="../ui/connectionindicator.cpp" line="102"/>
        <source>the terminal&apos;s starting folder</source>
        <translation>der Startordner des Terminals</translation>
    </message>
    <message>
        <location filename="../ui/connectionindicator.cpp" line="105"/>
        <source>the shell&apos;s working directory</source>
        <translation>das Arbeitsverzeichnis der Shell</translation>
    </message>
    <message>
        <location filename="../ui/connectionindicator.cpp" line="112"/>
        <source>Agent uploaded (%1) and started in %2 ms</source>
        <translation>Agent hochgeladen (%1) und in %2 ms gestartet</translation>
    </message>
    <message>
        <location filename="../ui/connectionindicator.cpp" line="113"/>
        <source>Agent found on the remote and started in %1 ms</source>
        <translation>Agent auf dem entfernten Rechner vorgefunden und in %1 ms gestartet</translation>
    </message>
    <message>
        <location filename="../ui/connectionindicator.cpp" line="117"/>
        <source>Heartbeat round trip: %1 ms, smoothed %2 ms</source>
        <translation>Heartbeat-Umlaufzeit: %1 ms, geglättet %2 ms</translation>
    </message>
    <message>
        <location filename="../ui/connectionindicator.cpp" line="139"/>
        <source>Connected through %1 · %2 ms</source>
        <translation>Verbunden über %1 · %2 ms</translation>
    </message>
    <message>
        <location filename="../ui/connectionindicator.cpp" line="139"/>
        <source>Connected through %1</source>
        <translation>Verbunden über %1</translation>
    </message>
    <message>
        <location filename="../ui/connectionindicator.cpp" line="141"/>
        <source>Connected to %1 · %2 ms</source>
        <translation>Verbunden mit %1 · %2 ms</translation>
    </message>
    <message>
        <location filename="../ui/connectionindicator.cpp" line="141"/>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <location filename="../ui/connectionindicator.cpp" line="146"/>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <location filename="../ui/connectionindicator.cpp" line="146"/>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/connectionindicator.cpp" line="150"/>
        <source>Reconnecting in %n s…</source>
        <translation>
            <numerusform>Neue Verbindung in %n s…</numerusform>
            <numerusform>Neue Verbindung in %n s…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/connectionindicator.cpp" line="151"/>
        <source>Reconnecting…</source>
        <translation>Neue Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <location filename="../ui/connectionindicator.cpp" line="151"/>
        <source>Reconnecting: %1…</source>
        <translation>Neue Verbindung: %1…</translation>
    </message>
    <message>
        <location filename="../ui/connectionindicator.cpp" line="156"/>
        <source>Offline: %1</source>
        <translation>Offline: %1</translation>
    </message>
    <message>
        <location filename="../ui/connectionindicator.cpp" line="173"/>
        <source>Connection: %1</source>
        <translation>Verbindung: %1</translation>
    </message>
</context>
<context>
    <name>ferry::ui::LocalBrowser</name>
    <message>
        <location filename="../ui/localbrowser.cpp" line="28"/>
        <source>Local files</source>
        <translation>Lokale Dateien</translation>
    </message>
    <message>
        <location filename="../ui/localbrowser.cpp" line="44"/>
        <source>Local location</source>
        <translation>Lokaler Ort</translation>
    </message>
    <message>
        <location filename="../ui/localbrowser.cpp" line="45"/>
        <source>Local folder</source>
        <translation>Lokaler Ordner</translation>
    </message>
    <message>
        <location filename="../ui/localbrowser.cpp" line="47"/>
        <source>Local Navigation</source>
        <translation>Lokale Navigation</translation>
    </message>
    <message>
        <location filename="../ui/localbrowser.cpp" line="50"/>
        <source>U&amp;p</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <location filename="../ui/localbrowser.cpp" line="56"/>
        <source>Up to the parent folder</source>
        <translation>Zum übergeordneten Ordner</translation>
    </message>
    <message>
        <location filename="../ui/localbrowser.cpp" line="57"/>
        <source>&amp;Home</source>
        <translation>&amp;Persönlicher Ordner</translation>
    </message>
    <message>
        <source>Filter local files by name</source>
        <translation>Lokale Dateien nach Namen filtern</translation>
    </message>
    <message>
        <source>No such folder: %1</source>
        <translation>Ordner nicht gefunden: %1</translation>
    </message>
    <message>
        <source>&amp;Up</source>
        <translation>&amp;Nach oben</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Edit &amp;Location</source>
        <translation>&amp;Adresse bearbeiten</translation>
    </message>
    <message>
        <source>F&amp;ilter</source>
        <translation>F&amp;ilter</translation>
    </message>
    <message>
        <source>Show &amp;Hidden Files</source>
        <translation>&amp;Versteckte Dateien anzeigen</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Upload</source>
        <translation>&amp;Hochladen</translation>
    </message>
    <message>
        <source>New &amp;Folder…</source>
        <translation>Neuer &amp;Ordner …</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Neuer Ordner</translation>
    </message>
    <message>
        <source>Name of the new folder:</source>
        <translation>Name des neuen Ordners:</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>Move to &amp;Trash</source>
        <translation>In den &amp;Papierkorb werfen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Copy Local &amp;Path</source>
        <translation>Lokalen &amp;Pfad kopieren</translation>
    </message>
    <message>
        <source>a name cannot contain &quot;/&quot; or be &quot;.&quot; or &quot;..&quot;</source>
        <translation>ein Name darf kein „/“ enthalten und nicht „.“ oder „..“ sein</translation>
    </message>
    <message>
        <source>an entry of that name exists</source>
        <translation>ein Eintrag dieses Namens existiert bereits</translation>
    </message>
    <message>
        <source>the folder cannot be written to</source>
        <translation>in den Ordner kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Could not create the folder %1: %2</source>
        <translation>Der Ordner %1 konnte nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>Could not move %1 to the trash: %2 (Shift+Del deletes it for good)</source>
        <translation>%1 konnte nicht in den Papierkorb verschoben werden: %2 (Umschalt+Entf löscht endgültig)</translation>
    </message>
    <message>
        <source>Could not delete %1: it or something in it cannot be removed</source>
        <translation>%1 konnte nicht gelöscht werden: es selbst oder etwas darin lässt sich nicht entfernen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete “%1” for good? This cannot be undone.</source>
        <translation>„%1“ endgültig löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Delete %1 items for good? This cannot be undone.</source>
        <translation>%1 Einträge endgültig löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
</context>
<context>
    <name>ferry::ui::LocationBar</name>
    <message>
        <location filename="../ui/locationbar.cpp" line="24"/>
        <location filename="../ui/locationbar.cpp" line="29"/>
        <source>Remote location</source>
        <translation>Entfernter Ort</translation>
    </message>
    <message>
        <location filename="../ui/locationbar.cpp" line="30"/>
        <source>Remote folder</source>
        <translation>Entfernter Ordner</translation>
    </message>
    <message>
        <location filename="../ui/locationbar.cpp" line="100"/>
        <source>Root</source>
        <translation>Wurzel</translation>
    </message>
    <message>
        <location filename="../ui/locationbar.cpp" line="102"/>
        <source>The served folder</source>
        <translation>Der freigegebene Ordner</translation>
    </message>
    <message>
        <location filename="../ui/locationbar.cpp" line="107"/>
        <source>Go to the served folder</source>
        <translation>Zum freigegebenen Ordner wechseln</translation>
    </message>
    <message>
        <location filename="../ui/locationbar.cpp" line="107"/>
        <source>Go to %1</source>
        <translation>Zu %1 wechseln</translation>
    </message>
    <message>
        <source>Back down to %1</source>
        <translation>Zurück hinunter nach %1</translation>
    </message>
</context>
<context>
    <name>ferry::ui::MainWindow</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n item(s)</source>
        <translation>
            <numerusform>%1 von %n Eintrag</numerusform>
            <numerusform>%1 von %n Einträgen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="55"/>
        <location filename="../ui/mainwindow.cpp" line="408"/>
        <source>Ferry</source>
        <translation>Ferry</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="65"/>
        <source>Total progress</source>
        <translation>Gesamtfortschritt</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="85"/>
        <source>%n file(s) copied</source>
        <translation>
            <numerusform>%n Datei kopiert</numerusform>
            <numerusform>%n Dateien kopiert</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="246"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="247"/>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="248"/>
        <source>&amp;Disconnect</source>
        <translation>Verbindung &amp;trennen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="256"/>
        <source>&amp;Upload Files…</source>
        <translation>Dateien &amp;hochladen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="257"/>
        <source>Upload Files</source>
        <translation>Dateien hochladen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="263"/>
        <source>Upload &amp;Selected Local Files</source>
        <translation>Ausgewählte lokale Dateien hoch&amp;laden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="271"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="274"/>
        <source>&amp;Remote</source>
        <translation>Entfernter &amp;Rechner</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="278"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="279"/>
        <source>Show &amp;Local Pane</source>
        <translation>&amp;Lokalen Bereich anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="298"/>
        <source>&amp;Transfer Queue</source>
        <translation>Übertragungs-&amp;Warteschlange</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="302"/>
        <source>&amp;Transfers</source>
        <translation>&amp;Übertragungen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="309"/>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="310"/>
        <source>&amp;Preferences…</source>
        <translation>Ferry &amp;einrichten…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="320"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="321"/>
        <source>&amp;About Ferry</source>
        <translation>Ü&amp;ber Ferry</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="322"/>
        <source>About Ferry</source>
        <translation>Über Ferry</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="323"/>
        <source>&lt;h3&gt;Ferry %1&lt;/h3&gt;&lt;p&gt;Browse and transfer files on a remote machine whose only door is a WebSocket or a shell.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Ferry %1&lt;/h3&gt;&lt;p&gt;Dateien auf einem entfernten Rechner durchsuchen und übertragen, dessen einzige Tür ein WebSocket oder eine Shell ist.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="373"/>
        <source>Download To</source>
        <translation>Herunterladen nach</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="390"/>
        <source>Moved %n item(s)</source>
        <translation>
            <numerusform>%n Element verschoben</numerusform>
            <numerusform>%n Elemente verschoben</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="412"/>
        <source>/%1 (%2) — Ferry</source>
        <translation>/%1 (%2) — Ferry</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="413"/>
        <location filename="../ui/mainwindow.cpp" line="416"/>
        <source>%1 — Ferry</source>
        <translation>%1 — Ferry</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="418"/>
        <source>%1% · %2</source>
        <translation>%1% · %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="432"/>
        <source>%1/s · %2 left</source>
        <translation>%1/s · noch %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="432"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="468"/>
        <source>Transfers Running</source>
        <translation>Übertragungen laufen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="469"/>
        <source>%n transfer(s) have not finished. Quit anyway? Partial files are kept and resume next time.</source>
        <translation>
            <numerusform>%n Übertragung ist noch nicht abgeschlossen. Trotzdem beenden? Teilweise übertragene Dateien bleiben erhalten und werden beim nächsten Mal fortgesetzt.</numerusform>
            <numerusform>%n Übertragungen sind noch nicht abgeschlossen. Trotzdem beenden? Teilweise übertragene Dateien bleiben erhalten und werden beim nächsten Mal fortgesetzt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp"/>
        <source>archive</source>
        <translation>Archiv</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp"/>
        <source>gzip-compressed tar (*.tar.gz);;zstd-compressed tar (*.tar.zst);;xz-compressed tar (*.tar.xz);;bzip2-compressed tar (*.tar.bz2);;tar (*.tar)</source>
        <translation>gzip-komprimiertes tar (*.tar.gz);;zstd-komprimiertes tar (*.tar.zst);;xz-komprimiertes tar (*.tar.xz);;bzip2-komprimiertes tar (*.tar.bz2);;tar (*.tar)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp"/>
        <source>Download as Archive</source>
        <translation>Als Archiv herunterladen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp"/>
        <source>Compress</source>
        <translation>Komprimieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp"/>
        <source>Archive name (.zip, .tar.gz, .tar.zst, .tar.xz, .tar.bz2 or .tar):</source>
        <translation>Name des Archivs (.zip, .tar.gz, .tar.zst, .tar.xz, .tar.bz2 oder .tar):</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp"/>
        <source>Could not compress: &quot;%1&quot; does not end in .zip, .tar.gz, .tar.zst, .tar.xz, .tar.bz2 or .tar</source>
        <translation>Komprimieren nicht möglich: „%1“ endet nicht auf .zip, .tar.gz, .tar.zst, .tar.xz, .tar.bz2 oder .tar</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp"/>
        <source>gzip-compressed tar (*.tar.gz);;zstd-compressed tar (*.tar.zst);;xz-compressed tar (*.tar.xz);;bzip2-compressed tar (*.tar.bz2);;tar (*.tar);;zip (*.zip)</source>
        <translation>gzip-komprimiertes tar (*.tar.gz);;zstd-komprimiertes tar (*.tar.zst);;xz-komprimiertes tar (*.tar.xz);;bzip2-komprimiertes tar (*.tar.bz2);;tar (*.tar);;zip (*.zip)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp"/>
        <source>%1 (not connected)</source>
        <translation>%1 (nicht verbunden)</translation>
    </message>
    <message>
        <source>Ferry Handbook</source>
        <translation>Ferry-Handbuch</translation>
    </message>
    <message>
        <source>Handbook</source>
        <translation>Handbuch</translation>
    </message>
    <message>
        <source>The handbook is missing from this build.</source>
        <translation>Das Handbuch fehlt in diesem Build.</translation>
    </message>
    <message>
        <source>Ferry &amp;Handbook</source>
        <translation>Ferry-&amp;Handbuch</translation>
    </message>
    <message>
        <source>&amp;Upload</source>
        <translation>&amp;Hochladen</translation>
    </message>
    <message>
        <source>Upload the selected local files, or files you choose, into the remote folder</source>
        <translation>Die ausgewählten lokalen Dateien oder Dateien Ihrer Wahl in den entfernten Ordner hochladen</translation>
    </message>
    <message>
        <source>&amp;Download</source>
        <translation>Herunter&amp;laden</translation>
    </message>
    <message>
        <source>Download the selected remote entries into the local folder</source>
        <translation>Die ausgewählten entfernten Einträge in den lokalen Ordner herunterladen</translation>
    </message>
    <message>
        <source>New &amp;Folder</source>
        <translation>Neuer &amp;Ordner</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Limit ↑</source>
        <translation>Limit ↑</translation>
    </message>
    <message>
        <source>↓</source>
        <translation>↓</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Show &amp;Toolbar</source>
        <translation>&amp;Werkzeugleiste anzeigen</translation>
    </message>
    <message>
        <source>Upload limit</source>
        <translation>Upload-Limit</translation>
    </message>
    <message>
        <source>Upload limit for all transfers (0: unlimited)</source>
        <translation>Upload-Limit für alle Übertragungen (0: unbegrenzt)</translation>
    </message>
    <message>
        <source>Download limit</source>
        <translation>Download-Limit</translation>
    </message>
    <message>
        <source>Download limit for all transfers (0: unlimited)</source>
        <translation>Download-Limit für alle Übertragungen (0: unbegrenzt)</translation>
    </message>
    <message>
        <source>&amp;Local</source>
        <translation>&amp;Lokal</translation>
    </message>
    <message>
        <source>Rate Limits</source>
        <translation>Übertragungslimits</translation>
    </message>
    <message>
        <source>Upload F&amp;older…</source>
        <translation>&amp;Ordner hochladen…</translation>
    </message>
    <message>
        <source>Upload Folder</source>
        <translation>Ordner hochladen</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>Could not change the permissions of %1: %2</source>
        <translation>Die Berechtigungen von %1 konnten nicht geändert werden: %2</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Transfer &amp;Log</source>
        <translation>Übertragungs&amp;protokoll</translation>
    </message>
    <message>
        <source>Could not save the transfer queue: %1</source>
        <translation>Die Übertragungswarteschlange konnte nicht gespeichert werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n transfer(s) to this agent did not finish last time (%1). Resume them from where they stopped?</source>
        <translation>
            <numerusform>%n Übertragung zu diesem Agenten wurde beim letzten Mal nicht abgeschlossen (%1). Dort fortsetzen, wo sie angehalten hat?</numerusform>
            <numerusform>%n Übertragungen zu diesem Agenten wurden beim letzten Mal nicht abgeschlossen (%1). Dort fortsetzen, wo sie angehalten haben?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transfer(s) to this agent did not finish last time. Resume them from where they stopped?</source>
        <translation>
            <numerusform>%n Übertragung zu diesem Agenten wurde beim letzten Mal nicht abgeschlossen. Dort fortsetzen, wo sie angehalten hat?</numerusform>
            <numerusform>%n Übertragungen zu diesem Agenten wurden beim letzten Mal nicht abgeschlossen. Dort fortsetzen, wo sie angehalten haben?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transfer(s) have not finished. Quit anyway? They are kept with their partial files, and the next time you connect to this agent, the transfer queue offers to resume them.</source>
        <translation>
            <numerusform>%n Übertragung ist nicht abgeschlossen. Trotzdem beenden? Sie wird mit ihrer Teildatei aufbewahrt, und wenn Sie sich das nächste Mal mit diesem Agenten verbinden, bietet die Übertragungswarteschlange an, sie fortzusetzen.</numerusform>
            <numerusform>%n Übertragungen sind nicht abgeschlossen. Trotzdem beenden? Sie werden mit ihren Teildateien aufbewahrt, und wenn Sie sich das nächste Mal mit diesem Agenten verbinden, bietet die Übertragungswarteschlange an, sie fortzusetzen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ferry::ui::Notifier</name>
    <message>
        <location filename="../ui/notifier.cpp" line="44"/>
        <source>Transfer failed</source>
        <translation>Übertragung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/notifier.cpp" line="44"/>
        <source>Transfer finished</source>
        <translation>Übertragung abgeschlossen</translation>
    </message>
</context>
<context>
    <name>ferry::ui::PreferencesDialog</name>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="53"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="54"/>
        <source>&amp;Transfers</source>
        <translation>&amp;Übertragungen</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="55"/>
        <source>&amp;Connection</source>
        <translation>&amp;Verbindung</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="56"/>
        <source>&amp;Notifications</source>
        <translation>Be&amp;nachrichtigungen</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="57"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="58"/>
        <source>Preference pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="62"/>
        <source>&amp;Restore Defaults</source>
        <translation>&amp;Standardwerte wiederherstellen</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="63"/>
        <source>Restore Defaults</source>
        <translation>Standardwerte wiederherstellen</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="88"/>
        <source>When a destination exists</source>
        <translation>Wenn ein Ziel existiert</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="93"/>
        <source>Ask each time</source>
        <translation>Jedes Mal nachfragen</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="93"/>
        <source>Show a dialog for every file that already exists</source>
        <translation>Für jede bereits existierende Datei einen Dialog anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="94"/>
        <source>Overwrite</source>
        <translation>Überschreiben</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="94"/>
        <source>Replace the existing file</source>
        <translation>Die vorhandene Datei ersetzen</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="95"/>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="95"/>
        <source>Leave the existing file and do not transfer this one</source>
        <translation>Die vorhandene Datei belassen und diese nicht übertragen</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="96"/>
        <source>Rename (keep both)</source>
        <translation>Umbenennen (beide behalten)</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="96"/>
        <source>Transfer under a free name such as &quot;report (1).pdf&quot;</source>
        <translation>Unter einem freien Namen wie „Bericht (1).pdf“ übertragen</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="97"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="97"/>
        <source>Continue a shorter existing file whose bytes match, otherwise overwrite it</source>
        <translation>Eine kürzere vorhandene Datei mit übereinstimmenden Bytes fortsetzen, andernfalls überschreiben</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="98"/>
        <source>Overwrite if newer</source>
        <translation>Überschreiben, falls neuer</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="98"/>
        <source>Replace the existing file only when the new one is newer</source>
        <translation>Die vorhandene Datei nur ersetzen, wenn die neue neuer ist</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="99"/>
        <source>Fail</source>
        <translation>Mit Fehler abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="99"/>
        <source>Stop the transfer with an error</source>
        <translation>Die Übertragung mit einer Fehlermeldung beenden</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="100"/>
        <source>&amp;When a destination exists:</source>
        <translation>&amp;Wenn ein Ziel existiert:</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="102"/>
        <source>Keep &amp;permissions</source>
        <translation>&amp;Berechtigungen beibehalten</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="103"/>
        <source>Keep permissions</source>
        <translation>Berechtigungen beibehalten</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="104"/>
        <source>Keep modification t&amp;imes</source>
        <translation>Änderungs&amp;zeiten beibehalten</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="105"/>
        <source>Keep modification times</source>
        <translation>Änderungszeiten beibehalten</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="111"/>
        <source>Parallel transfers</source>
        <translation>Parallele Übertragungen</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="112"/>
        <source>Para&amp;llel transfers:</source>
        <translation>&amp;Parallele Übertragungen:</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="114"/>
        <source>Upload limit</source>
        <translation>Limit beim Hochladen</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="115"/>
        <source>Download limit</source>
        <translation>Limit beim Herunterladen</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="116"/>
        <source>&amp;Upload limit:</source>
        <translation>Limit beim &amp;Hochladen:</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="117"/>
        <source>&amp;Download limit:</source>
        <translation>Limit beim He&amp;runterladen:</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="126"/>
        <source> KiB/s</source>
        <translation> KiB/s</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="127"/>
        <source>Unlimited</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="129"/>
        <source>0 means unlimited</source>
        <translation>0 bedeutet unbegrenzt</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="142"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="146"/>
        <source>Heartbeat interval</source>
        <translation>Heartbeat-Intervall</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="147"/>
        <source>Agent lost after</source>
        <translation>Agent verloren nach</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="148"/>
        <source>&amp;Heartbeat every:</source>
        <translation>Heartbeat-&amp;Intervall:</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="149"/>
        <source>Agent &amp;lost after:</source>
        <translation>Agent ver&amp;loren nach:</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="153"/>
        <source>Timing error</source>
        <translation>Fehler bei der Zeiteinstellung</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="156"/>
        <source>A silent agent is declared lost after this time; it must be more than two heartbeats. Changes apply at the next connection.</source>
        <translation>Ein stummer Agent gilt nach dieser Zeit als verloren; sie muss länger als zwei Heartbeats sein. Änderungen gelten ab der nächsten Verbindung.</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="168"/>
        <source>Notify &amp;me when a long transfer ends while Ferry is in the background</source>
        <translation>&amp;Mich benachrichtigen, wenn eine lange Übertragung endet, während Ferry im Hintergrund ist</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="169"/>
        <source>Notify when a long transfer ends</source>
        <translation>Benachrichtigen, wenn eine lange Übertragung endet</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="171"/>
        <source>Uses the desktop&apos;s notifications, or flashes the window where there are none.</source>
        <translation>Verwendet die Benachrichtigungen der Arbeitsfläche oder lässt das Fenster aufblinken, wenn es keine gibt.</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="180"/>
        <source>Show &amp;hidden files</source>
        <translation>Versteckte &amp;Dateien anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="181"/>
        <source>Show hidden files</source>
        <translation>Versteckte Dateien anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="182"/>
        <source>Show the l&amp;ocal pane</source>
        <translation>L&amp;okalen Bereich anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="183"/>
        <source>Show the local pane</source>
        <translation>Lokalen Bereich anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="234"/>
        <source>The agent can only be declared lost after more than two heartbeats: more than %L1 s.</source>
        <translation>Der Agent kann erst nach mehr als zwei Heartbeats als verloren gelten: mehr als %L1 s.</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp"/>
        <source>Compression on the wire</source>
        <translation>Kompression auf der Leitung</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp"/>
        <source>Automatic (what shrinks)</source>
        <translation>Automatisch (was kleiner wird)</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp"/>
        <source>Always</source>
        <translation>Immer</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp"/>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp"/>
        <source>Compress data on the &amp;wire:</source>
        <translation>Daten auf der Leitung &amp;komprimieren:</translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp"/>
        <source>Automatic compresses text, logs and the like and sends media, archives and other data that does not shrink as it is. Never suits a fast network and a busy agent.</source>
        <translation>Automatisch komprimiert Text, Protokolle und Ähnliches und sendet Medien, Archive und andere Daten, die nicht kleiner werden, unverändert. Nie passt zu einem schnellen Netz und einem ausgelasteten Agenten.</translation>
    </message>
    <message>
        <source>As the desktop has it</source>
        <translation>Wie die Arbeitsumgebung</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Colors:</source>
        <translation>&amp;Farben:</translation>
    </message>
</context>
<context>
    <name>ferry::ui::PropertiesDialog</name>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="97"/>
        <source>Properties of %1</source>
        <translation>Eigenschaften von %1</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="132"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="133"/>
        <source>Location:</source>
        <translation>Ort:</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="137"/>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="138"/>
        <source>Symbolic link</source>
        <translation>Symbolische Verknüpfung</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="139"/>
        <source>Special file</source>
        <translation>Spezialdatei</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="142"/>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="146"/>
        <source>%1 (%L2 bytes)</source>
        <translation>%1 (%L2 Bytes)</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="147"/>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="150"/>
        <source>Modified:</source>
        <translation>Geändert:</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="152"/>
        <source>Link target:</source>
        <translation>Verknüpfungsziel:</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="159"/>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="161"/>
        <source>Read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="161"/>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="161"/>
        <source>Execute</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="168"/>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="168"/>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="168"/>
        <source>Others</source>
        <translation>Andere</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="170"/>
        <source>Owner may read</source>
        <translation>Eigentümer darf lesen</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="170"/>
        <source>Owner may write</source>
        <translation>Eigentümer darf schreiben</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="170"/>
        <source>Owner may execute</source>
        <translation>Eigentümer darf ausführen</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="171"/>
        <source>Group may read</source>
        <translation>Gruppe darf lesen</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="171"/>
        <source>Group may write</source>
        <translation>Gruppe darf schreiben</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="171"/>
        <source>Group may execute</source>
        <translation>Gruppe darf ausführen</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="172"/>
        <source>Others may read</source>
        <translation>Andere dürfen lesen</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="172"/>
        <source>Others may write</source>
        <translation>Andere dürfen schreiben</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="172"/>
        <source>Others may execute</source>
        <translation>Andere dürfen ausführen</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="184"/>
        <source>Set &amp;user ID</source>
        <translation>&amp;Benutzer-ID setzen</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="184"/>
        <source>Set group &amp;ID</source>
        <translation>&amp;Gruppen-ID setzen</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="184"/>
        <source>Stic&amp;ky</source>
        <translation>Stic&amp;ky</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="196"/>
        <source>Numeric permissions</source>
        <translation>Numerische Berechtigungen</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="197"/>
        <source>Three or four octal digits, such as 0644</source>
        <translation>Drei oder vier Oktalziffern, etwa 0644</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="201"/>
        <source>&amp;Numeric:</source>
        <translation>&amp;Numerisch:</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="205"/>
        <source>Symbolic permissions</source>
        <translation>Symbolische Berechtigungen</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="220"/>
        <source>Apply to the folder only: the files and folders inside keep their permissions.</source>
        <translation>Nur auf den Ordner anwenden: Die enthaltenen Dateien und Ordner behalten ihre Berechtigungen.</translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="222"/>
        <source>A link has no permissions of its own; open the properties of its target to change them.</source>
        <translation>Eine Verknüpfung hat keine eigenen Berechtigungen; öffnen Sie die Eigenschaften ihres Ziels, um sie zu ändern.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Eigentümer:</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>Gruppe:</translation>
    </message>
    <message>
        <source>&amp;Apply changes to all contents</source>
        <translation>Änderungen auf den gesamten &amp;Inhalt anwenden</translation>
    </message>
    <message>
        <source>The bits you change are changed in every file and folder inside as well; execute bits only on folders and on files that already have one</source>
        <translation>Die geänderten Berechtigungen werden auch für alle Dateien und Ordner darin übernommen; Ausführungsrechte nur für Ordner und für Dateien, die bereits eines haben</translation>
    </message>
</context>
<context>
    <name>ferry::ui::RemoteBrowser</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Could not create the folder %1</source>
        <translation>Der Ordner %1 konnte nicht erstellt werden</translation>
    </message>
    <message>
        <source>Could not delete %1</source>
        <translation>%1 konnte nicht gelöscht werden</translation>
    </message>
    <message>
        <source>Could not rename %1 to %2</source>
        <translation>%1 konnte nicht in %2 umbenannt werden</translation>
    </message>
    <message>
        <source>Could not change the permissions of %1</source>
        <translation>Die Zugriffsrechte von %1 konnten nicht geändert werden</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="41"/>
        <source>Remote files</source>
        <translation>Entfernte Dateien</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="68"/>
        <source>Filter by name</source>
        <translation>Nach Namen filtern</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="75"/>
        <source>Remote Navigation</source>
        <translation>Entfernte Navigation</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/remotebrowser.cpp" line="95"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Element</numerusform>
            <numerusform>%n Elemente</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="118"/>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="124"/>
        <source>&amp;Forward</source>
        <translation>&amp;Vorwärts</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="130"/>
        <source>&amp;Up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="137"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="138"/>
        <source>Edit &amp;Location</source>
        <translation>Adresse &amp;bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="139"/>
        <source>F&amp;ilter</source>
        <translation>&amp;Filter</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="143"/>
        <source>Show &amp;Hidden Files</source>
        <translation>Versteckte &amp;Dateien anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="148"/>
        <source>New &amp;Folder…</source>
        <translation>&amp;Neuer Ordner…</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="150"/>
        <source>New Folder</source>
        <translation>Neuer Ordner</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="150"/>
        <source>Name of the new folder:</source>
        <translation>Name des neuen Ordners:</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="160"/>
        <source>Re&amp;name</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="165"/>
        <location filename="../ui/remotebrowser.cpp" line="271"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="166"/>
        <source>Do&amp;wnload…</source>
        <translation>&amp;Herunterladen…</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="171"/>
        <source>P&amp;roperties…</source>
        <translation>&amp;Eigenschaften…</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="172"/>
        <source>Copy Remote &amp;Path</source>
        <translation>Entfernten &amp;Pfad kopieren</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="264"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="265"/>
        <source>Delete “%1” on the remote machine? This cannot be undone.</source>
        <translation>„%1“ auf dem entfernten Rechner löschen? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="266"/>
        <source>Delete %1 items on the remote machine? This cannot be undone.</source>
        <translation>%1 Elemente auf dem entfernten Rechner löschen? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="295"/>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="303"/>
        <source>Creating the folder</source>
        <translation>Erstellen des Ordners</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="309"/>
        <source>Deleting %1</source>
        <translation>Löschen von %1</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="316"/>
        <source>Renaming</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="321"/>
        <source>Changing the permissions</source>
        <translation>Ändern der Berechtigungen</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp"/>
        <source>Download as &amp;Archive…</source>
        <translation>Als &amp;Archiv herunterladen…</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp"/>
        <source>Co&amp;mpress…</source>
        <translation>Ko&amp;mprimieren…</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp"/>
        <source>E&amp;xtract Here</source>
        <translation>Hier e&amp;ntpacken</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp"/>
        <source>&amp;Upload and Extract…</source>
        <translation>&amp;Hochladen und entpacken…</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp"/>
        <source>Upload and Extract</source>
        <translation>Hochladen und entpacken</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp"/>
        <source>Archives (*.zip *.tar *.tar.gz *.tgz *.tar.bz2 *.tbz2 *.tar.xz *.txz *.tar.zst *.tzst)</source>
        <translation>Archive (*.zip *.tar *.tar.gz *.tgz *.tar.bz2 *.tbz2 *.tar.xz *.txz *.tar.zst *.tzst)</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp"/>
        <source>&amp;Upload Here</source>
        <translation>Hierher &amp;hochladen</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp"/>
        <source>Upload and E&amp;xtract Here</source>
        <translation>Hochladen und hier e&amp;ntpacken</translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open Wit&amp;h…</source>
        <translation>Öffnen &amp;mit …</translation>
    </message>
</context>
<context>
    <name>ferry::ui::RemoteDirModel</name>
    <message>
        <location filename="../ui/remotedirmodel.cpp" line="110"/>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location filename="../ui/remotedirmodel.cpp" line="111"/>
        <source>Link to %1</source>
        <translation>Verknüpfung zu %1</translation>
    </message>
    <message>
        <location filename="../ui/remotedirmodel.cpp" line="112"/>
        <source>Special file</source>
        <translation>Spezialdatei</translation>
    </message>
    <message>
        <location filename="../ui/remotedirmodel.cpp" line="285"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/remotedirmodel.cpp" line="286"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../ui/remotedirmodel.cpp" line="287"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/remotedirmodel.cpp" line="288"/>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location filename="../ui/remotedirmodel.cpp" line="289"/>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
</context>
<context>
    <name>ferry::ui::SiteStore</name>
    <message>
        <location filename="../ui/sitestore.cpp" line="251"/>
        <source>No token for this site is saved in the system keychain.</source>
        <translation>Für dieses Profil ist kein Token im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/sitestore.cpp" line="254"/>
        <source>The system keychain refused to store the token; you will be asked for it next time.</source>
        <translation>Der Schlüsselbund des Systems hat das Speichern des Tokens verweigert; Sie werden beim nächsten Mal danach gefragt.</translation>
    </message>
    <message>
        <location filename="../ui/sitestore.cpp" line="255"/>
        <source>The system keychain refused access to the saved token.</source>
        <translation>Der Schlüsselbund des Systems hat den Zugriff auf das gespeicherte Token verweigert.</translation>
    </message>
    <message>
        <location filename="../ui/sitestore.cpp" line="259"/>
        <source>The system keychain is not available, so the token cannot be saved; you will be asked for it next time.</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar, daher kann das Token nicht gespeichert werden; Sie werden beim nächsten Mal danach gefragt.</translation>
    </message>
    <message>
        <location filename="../ui/sitestore.cpp" line="260"/>
        <source>The system keychain is not available, so the saved token cannot be read.</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar, daher kann das gespeicherte Token nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>ferry::ui::TokenFields</name>
    <message>
        <location filename="../ui/tokenfields.cpp" line="20"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/tokenfields.cpp" line="33"/>
        <source>Token f&amp;ile:</source>
        <translation>&amp;Token-Datei:</translation>
    </message>
    <message>
        <location filename="../ui/tokenfields.cpp" line="36"/>
        <source>Or &amp;paste the token:</source>
        <translation>Oder Token &amp;einfügen:</translation>
    </message>
    <message>
        <location filename="../ui/tokenfields.cpp" line="62"/>
        <source>Saved in the system keychain</source>
        <translation>Im Schlüsselbund des Systems gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/tokenfields.cpp" line="62"/>
        <source>Leave empty to use the token file</source>
        <translation>Leer lassen, um die Token-Datei zu verwenden</translation>
    </message>
</context>
<context>
    <name>ferry::ui::TransferDock</name>
    <message>
        <location filename="../ui/transferdock.cpp" line="21"/>
        <source>Transfers</source>
        <translation>Übertragungen</translation>
    </message>
    <message>
        <location filename="../ui/transferdock.cpp" line="32"/>
        <source>Transfer Actions</source>
        <translation>Übertragungsaktionen</translation>
    </message>
    <message>
        <location filename="../ui/transferdock.cpp" line="44"/>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <location filename="../ui/transferdock.cpp" line="45"/>
        <source>Res&amp;ume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/transferdock.cpp" line="46"/>
        <source>&amp;Cancel</source>
        <translation>Abbre&amp;chen</translation>
    </message>
    <message>
        <location filename="../ui/transferdock.cpp" line="47"/>
        <source>Re&amp;try</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/transferdock.cpp" line="49"/>
        <source>Pause &amp;All</source>
        <translation>Alle a&amp;nhalten</translation>
    </message>
    <message>
        <location filename="../ui/transferdock.cpp" line="50"/>
        <source>Resume A&amp;ll</source>
        <translation>Alle f&amp;ortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/transferdock.cpp" line="51"/>
        <source>Clear &amp;Finished</source>
        <translation>&amp;Beendete entfernen</translation>
    </message>
    <message>
        <location filename="../ui/transferdock.cpp" line="56"/>
        <source>Parallel &amp;transfers:</source>
        <translation>&amp;Parallele Übertragungen:</translation>
    </message>
    <message>
        <location filename="../ui/transferdock.cpp" line="58"/>
        <source>Parallel transfers</source>
        <translation>Parallele Übertragungen</translation>
    </message>
    <message>
        <location filename="../ui/transferdock.cpp" line="72"/>
        <source>Transfer queue</source>
        <translation>Übertragungs-Warteschlange</translation>
    </message>
</context>
<context>
    <name>ferry::ui::TransferQueueModel</name>
    <message numerus="yes">
        <location filename="../ui/transferqueuemodel.cpp" line="57"/>
        <source>the retry found %n file(s) where one was expected</source>
        <translation>
            <numerusform>die Wiederholung fand %n Datei statt genau einer</numerusform>
            <numerusform>die Wiederholung fand %n Dateien statt genau einer</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="145"/>
        <source>the copy ended before this file</source>
        <translation>der Kopiervorgang endete vor dieser Datei</translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="159"/>
        <source>Copy</source>
        <translation>Kopie</translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="376"/>
        <source>Queued</source>
        <translation>In der Warteschlange</translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="377"/>
        <source>Waiting for an answer</source>
        <translation>Wartet auf Antwort</translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="378"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="379"/>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="380"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="381"/>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="381"/>
        <source>Skipped: %1</source>
        <translation>Übersprungen: %1</translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="382"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="383"/>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="399"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="422"/>
        <source>Upload</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="423"/>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="424"/>
        <source>Remote copy</source>
        <translation>Entfernte Kopie</translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="428"/>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="429"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="441"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="442"/>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="443"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="444"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="445"/>
        <source>Rate</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="446"/>
        <source>ETA</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="447"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the connection</source>
        <translation>Wartet auf die Verbindung</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
</context>
<context>
    <name>ferry::ui::WebTerminalAddress</name>
    <message>
        <location filename="../ui/webterminaladdress.cpp" line="62"/>
        <source>Enter the address of the Jupyter server, for example http://host:8888/lab.</source>
        <translation>Geben Sie die Adresse des Jupyter-Servers ein, zum Beispiel http://host:8888/lab.</translation>
    </message>
    <message>
        <location filename="../ui/webterminaladdress.cpp" line="63"/>
        <source>Enter the address of WeTTY&apos;s page, for example http://host:3000/wetty.</source>
        <translation>Geben Sie die Adresse der WeTTY-Seite ein, zum Beispiel http://host:3000/wetty.</translation>
    </message>
    <message>
        <location filename="../ui/webterminaladdress.cpp" line="70"/>
        <source>“%1” is not a valid address.</source>
        <translation>„%1“ ist keine gültige Adresse.</translation>
    </message>
    <message>
        <location filename="../ui/webterminaladdress.cpp" line="80"/>
        <source>A WeTTY URL starts with wetty+ws:// or wetty+wss://.</source>
        <translation>Eine WeTTY-URL beginnt mit wetty+ws:// oder wetty+wss://.</translation>
    </message>
    <message>
        <location filename="../ui/webterminaladdress.cpp" line="85"/>
        <source>A Jupyter URL starts with jupyter+http:// or jupyter+https://.</source>
        <translation>Eine Jupyter-URL beginnt mit jupyter+http:// oder jupyter+https://.</translation>
    </message>
    <message>
        <location filename="../ui/webterminaladdress.cpp" line="92"/>
        <source>A Jupyter server&apos;s address starts with http:// or https://, not %1://.</source>
        <translation>Die Adresse eines Jupyter-Servers beginnt mit http:// oder https://, nicht mit %1://.</translation>
    </message>
    <message>
        <location filename="../ui/webterminaladdress.cpp" line="94"/>
        <source>WeTTY&apos;s address starts with http://, https://, ws:// or wss://, not %1://.</source>
        <translation>Die Adresse von WeTTY beginnt mit http://, https://, ws:// oder wss://, nicht mit %1://.</translation>
    </message>
    <message>
        <location filename="../ui/webterminaladdress.cpp" line="96"/>
        <source>The address “%1” has no host name.</source>
        <translation>Die Adresse „%1“ enthält keinen Rechnernamen.</translation>
    </message>
    <message>
        <location filename="../ui/webterminaladdress.cpp" line="98"/>
        <source>Port 0 is not a valid port for a web terminal.</source>
        <translation>Port 0 ist kein gültiger Port für ein Web-Terminal.</translation>
    </message>
    <message>
        <location filename="../ui/webterminaladdress.cpp" line="140"/>
        <source>%1 at %2</source>
        <translation>%1 auf %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="46"/>
        <source>Local files or folders to upload to the agent&apos;s root once connected.</source>
        <translation>Lokale Dateien oder Ordner, die nach dem Verbinden in den Wurzelordner des Agenten hochgeladen werden.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="48"/>
        <source>Reach the remote through a shell instead of an agent URL: CMD runs here through /bin/sh -c and its stdin/stdout are a POSIX shell there (&apos;ssh -T host&apos;, &apos;kubectl exec -i POD -- sh&apos;, &apos;docker exec -i CTR sh&apos;). The agent is brought along and cached on the remote.</source>
        <translation>Den entfernten Rechner über eine Shell statt über eine Agent-URL erreichen: CMD läuft hier über /bin/sh -c, und seine Standardein- und -ausgabe sind dort eine POSIX-Shell (&apos;ssh -T host&apos;, &apos;kubectl exec -i POD -- sh&apos;, &apos;docker exec -i CTR sh&apos;). Der Agent wird mitgebracht und auf dem entfernten Rechner zwischengespeichert.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="42"/>
        <source>Ferry: browse and transfer files on a remote agent over one WebSocket, or through a shell or a web terminal.</source>
        <translation>Ferry: Dateien auf einem entfernten Agenten über ein einziges WebSocket oder über eine Shell oder ein Web-Terminal durchsuchen und übertragen.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="45"/>
        <source>Agent to connect to, e.g. ws://127.0.0.1:7707, or a web terminal to go through: wetty+ws://HOST:PORT/wetty (WeTTY), jupyter+http://HOST:PORT/ (a Jupyter server, with --token-file). None with --shell-command.</source>
        <translation>Agent, mit dem verbunden werden soll, z. B. ws://127.0.0.1:7707, oder ein Web-Terminal, über das verbunden werden soll: wetty+ws://HOST:PORT/wetty (WeTTY), jupyter+http://HOST:PORT/ (ein Jupyter-Server, mit --token-file). Keiner bei --shell-command.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="47"/>
        <source>Token file of the agent, or of the Jupyter server.</source>
        <translation>Token-Datei des Agenten oder des Jupyter-Servers.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="49"/>
        <source>With --shell-command or a web terminal&apos;s URL: the remote folder to serve (default: the shell&apos;s working directory).</source>
        <translation>Mit --shell-command oder der URL eines Web-Terminals: der bereitzustellende entfernte Ordner (Standard: das Arbeitsverzeichnis der Shell).</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="50"/>
        <source>Save a picture of the window once the listing is shown, then quit.</source>
        <translation>Ein Bild des Fensters speichern, sobald die Auflistung angezeigt wird, und dann beenden.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="51"/>
        <source>Folder to show in the local pane.</source>
        <translation>Ordner, der im lokalen Bereich angezeigt wird.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="63"/>
        <source>--shell-command needs a command</source>
        <translation>--shell-command braucht einen Befehl</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="65"/>
        <source>--token-file goes with an agent URL, not with --shell-command</source>
        <translation>--token-file gehört zu einer Agent-URL, nicht zu --shell-command</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="69"/>
        <source>an agent URL and --shell-command are two ways in: give one</source>
        <translation>eine Agent-URL und --shell-command sind zwei Zugänge: nur einen angeben</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="73"/>
        <source>--remote-root goes with --shell-command or a web terminal&apos;s URL</source>
        <translation>--remote-root gehört zu --shell-command oder zur URL eines Web-Terminals</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="75"/>
        <source>--token-file goes with an agent or a Jupyter server; WeTTY takes no token</source>
        <translation>--token-file gehört zu einem Agenten oder einem Jupyter-Server; WeTTY nimmt kein Token</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="78"/>
        <source>a Jupyter server needs its token: --token-file FILE</source>
        <translation>ein Jupyter-Server braucht sein Token: --token-file DATEI</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="95"/>
        <source>--screenshot needs an agent URL or --shell-command</source>
        <translation>--screenshot braucht eine Agent-URL oder --shell-command</translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="80"/>
        <source>Ferry agent: serves one directory to Ferry clients over a WebSocket, or to one client on its standard input and output (--stdio).</source>
        <translation>Ferry-Agent: stellt Ferry-Clients einen Ordner über ein WebSocket bereit, oder einem Client über seine Standardein- und -ausgabe (--stdio).</translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="83"/>
        <source>Directory to serve (required, but with --stdio: the current directory).</source>
        <translation>Bereitzustellender Ordner (erforderlich; bei --stdio: der aktuelle Ordner).</translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="84"/>
        <source>Serve one client on standard input and output instead of listening (no token: whoever runs the agent is admitted). Ends when the input closes.</source>
        <translation>Einen Client über Standardein- und -ausgabe bedienen, statt zu lauschen (kein Token: Wer den Agenten startet, wird zugelassen). Endet, wenn die Eingabe geschlossen wird.</translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="85"/>
        <source>Address to listen on; port 0 picks a free port.</source>
        <translation>Adresse, auf der gelauscht wird; Port 0 wählt einen freien Port.</translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="86"/>
        <source>Token file; created with a fresh 256-bit token (mode 0600) if missing. Default: %1</source>
        <translation>Token-Datei; wird mit einem frischen 256-Bit-Token (Modus 0600) erstellt, falls sie fehlt. Standard: %1</translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="87"/>
        <source>Write the listening port to this file.</source>
        <translation>Den lauschenden Port in diese Datei schreiben.</translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="88"/>
        <source>TLS certificate (PEM) for wss://.</source>
        <translation>TLS-Zertifikat (PEM) für wss://.</translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="89"/>
        <source>TLS private key (PEM) for wss://.</source>
        <translation>Privater TLS-Schlüssel (PEM) für wss://.</translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="90"/>
        <source>Heartbeat interval in milliseconds.</source>
        <translation>Heartbeat-Intervall in Millisekunden.</translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="91"/>
        <source>Drop a client silent for this many milliseconds.</source>
        <translation>Einen Client trennen, der so viele Millisekunden still ist.</translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="92"/>
        <source>Most clients served at once.</source>
        <translation>Höchstzahl gleichzeitig bedienter Clients.</translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="93"/>
        <source>Most connections on their way in (not authenticated yet), from all addresses; apart from --max-clients.</source>
        <translation>Höchstzahl der Verbindungen im Aufbau (noch nicht angemeldet), von allen Adressen zusammen; unabhängig von --max-clients.</translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="94"/>
        <source>Most connections on their way in from one address.</source>
        <translation>Höchstzahl der Verbindungen im Aufbau von einer Adresse.</translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="95"/>
        <source>Close a connection that has not proved the token this many milliseconds after it opened.</source>
        <translation>Eine Verbindung schließen, die so viele Millisekunden nach dem Öffnen das Token noch nicht nachgewiesen hat.</translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="96"/>
        <source>Remove part files of unfinished uploads not written for this long (e.g. 7d, 12h, 30m; 0 keeps them). Default 7d; with --stdio only when given.</source>
        <translation>Teildateien unfertiger Uploads entfernen, die so lange nicht beschrieben wurden (z. B. 7d, 12h, 30m; 0 behält sie). Vorgabe 7d; mit --stdio nur, wenn angegeben.</translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="97"/>
        <source>Refuse remote commands (exec): clients can only work on files under the root.</source>
        <translation>Entfernte Befehle (exec) ablehnen: Clients können nur mit Dateien unter dem Wurzelverzeichnis arbeiten.</translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="98"/>
        <source>One of: error, warning, info, debug.</source>
        <translation>Eines von: error, warning, info, debug.</translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="109"/>
        <source>unknown log level &apos;%1&apos;</source>
        <translation>unbekannte Protokollstufe „%1“</translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="113"/>
        <source>--root DIR is required</source>
        <translation>--root DIR ist erforderlich</translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="115"/>
        <source>--cert and --key go together</source>
        <translation>--cert und --key gehören zusammen</translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="120"/>
        <source>--listen expects HOST:PORT, got &apos;%1&apos;</source>
        <translation>--listen erwartet HOST:PORT, erhalten: „%1“</translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="124"/>
        <source>--heartbeat expects milliseconds (at least 50)</source>
        <translation>--heartbeat erwartet Millisekunden (mindestens 50)</translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="127"/>
        <source>--dead-after must be longer than --heartbeat</source>
        <translation>--dead-after muss länger als --heartbeat sein</translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="132"/>
        <source>--max-clients expects a positive number</source>
        <translation>--max-clients erwartet eine positive Zahl</translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="136"/>
        <source>--max-pending expects a positive number</source>
        <translation>--max-pending erwartet eine positive Zahl</translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="139"/>
        <source>--max-pending-per-address expects a positive number</source>
        <translation>--max-pending-per-address erwartet eine positive Zahl</translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="142"/>
        <source>--handshake-timeout expects milliseconds (at least 100)</source>
        <translation>--handshake-timeout erwartet Millisekunden (mindestens 100)</translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="177"/>
        <source>warning: --max-clients %1 and --max-pending %2 may need %3 descriptors, more than the limit of %4</source>
        <translation>Warnung: --max-clients %1 und --max-pending %2 brauchen womöglich %3 Dateideskriptoren, mehr als die Grenze von %4</translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="194"/>
        <source>cannot write port file %1: %2</source>
        <translation>Portdatei %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ferry::copy</name>
    <message>
        <source>exists</source>
        <translation>existiert</translation>
    </message>
    <message>
        <source>the destination is not older</source>
        <translation>das Ziel ist nicht älter</translation>
    </message>
    <message>
        <source>cannot overwrite directory &apos;%1&apos; with a non-directory</source>
        <translation>Ordner „%1“ kann nicht mit einem Nicht-Ordner überschrieben werden</translation>
    </message>
    <message>
        <source>cannot overwrite non-directory &apos;%1&apos; with a directory</source>
        <translation>Nicht-Ordner „%1“ kann nicht mit einem Ordner überschrieben werden</translation>
    </message>
    <message>
        <source>%1: already exists</source>
        <translation>%1: existiert bereits</translation>
    </message>
    <message>
        <source>%1 exists; %2</source>
        <translation>%1 existiert; %2</translation>
    </message>
    <message>
        <source>there is no one to ask</source>
        <translation>es ist niemand da, der gefragt werden kann</translation>
    </message>
</context>
<context>
    <name>ferry::copy::CopyPlanner</name>
    <message>
        <source>nothing to copy</source>
        <translation>nichts zu kopieren</translation>
    </message>
    <message>
        <source>one source only when the destination is its new name</source>
        <translation>nur eine Quelle, wenn das Ziel ihr neuer Name ist</translation>
    </message>
    <message>
        <source>target &apos;%1&apos; is not a directory</source>
        <translation>Ziel „%1“ ist kein Ordner</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no name to copy it under; name the destination</source>
        <translation>„%1“ hat keinen Namen, unter dem es kopiert werden kann; geben Sie das Ziel mit Namen an</translation>
    </message>
    <message>
        <source>cannot copy &apos;%1&apos; into itself</source>
        <translation>„%1“ kann nicht in sich selbst kopiert werden</translation>
    </message>
    <message>
        <source>-r not specified; omitting directory &apos;%1&apos;</source>
        <translation>-r nicht angegeben; Ordner „%1“ wird ausgelassen</translation>
    </message>
    <message>
        <source>cannot create &apos;%1&apos;: Not a directory</source>
        <translation>„%1“ kann nicht erstellt werden: Ist kein Verzeichnis</translation>
    </message>
    <message>
        <source>skipping special file &apos;%1&apos;</source>
        <translation>Spezialdatei „%1“ wird übersprungen</translation>
    </message>
    <message>
        <source>special file</source>
        <translation>Spezialdatei</translation>
    </message>
</context>
<context>
    <name>ferry::ui::MessageBar</name>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the message</source>
        <translation>Meldung schließen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ferry::ui::LocalFileModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>a name cannot contain &quot;/&quot; or be &quot;.&quot; or &quot;..&quot;</source>
        <translation>ein Name darf kein „/“ enthalten und nicht „.“ oder „..“ sein</translation>
    </message>
    <message>
        <source>an entry of that name exists</source>
        <translation>ein Eintrag dieses Namens existiert bereits</translation>
    </message>
    <message>
        <source>Could not rename %1 to %2: %3</source>
        <translation>%1 konnte nicht in %2 umbenannt werden: %3</translation>
    </message>
</context>
<context>
    <name>ferry::ui::OpenWithDialog</name>
    <message>
        <source>Open With</source>
        <translation>Öffnen mit</translation>
    </message>
    <message>
        <source>Open “%1” with:</source>
        <translation>„%1“ öffnen mit:</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Anwendungen</translation>
    </message>
    <message>
        <source>Other command…</source>
        <translation>Anderer Befehl …</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Command, e.g. kate or gedit --new-window %f</source>
        <translation>Befehl, z. B. kate oder gedit --new-window %f</translation>
    </message>
</context>
<context>
    <name>ferry::ui::RateLimitEdit</name>
    <message>
        <source>0 means unlimited</source>
        <translation>0 bedeutet unbegrenzt</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>%1 unit</source>
        <translation>%1: Einheit</translation>
    </message>
    <message>
        <source>KiB/s</source>
        <translation>KiB/s</translation>
    </message>
    <message>
        <source>MiB/s</source>
        <translation>MiB/s</translation>
    </message>
</context>
<context>
    <name>ferry::ui::RemoteEditor</name>
    <message>
        <source>Could not start %1 to open %2</source>
        <translation>%1 konnte nicht gestartet werden, um %2 zu öffnen</translation>
    </message>
    <message>
        <source>There is no application to open %1</source>
        <translation>Es gibt keine Anwendung, die %1 öffnet</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Could not open %1: it is not a file</source>
        <translation>%1 konnte nicht geöffnet werden: es ist keine Datei</translation>
    </message>
    <message>
        <source>Could not open %1: the folder %2 cannot be made</source>
        <translation>%1 konnte nicht geöffnet werden: der Ordner %2 lässt sich nicht anlegen</translation>
    </message>
    <message>
        <source>%1 is inside an archive: it is opened read-only, and changes to it are not uploaded.</source>
        <translation>%1 liegt in einem Archiv: Es wird schreibgeschützt geöffnet, Änderungen daran werden nicht hochgeladen.</translation>
    </message>
    <message>
        <source>Could not fetch %1 again: %2</source>
        <translation>%1 konnte nicht erneut geholt werden: %2</translation>
    </message>
    <message>
        <source>Could not upload changes to %1: %2</source>
        <translation>Die Änderungen an %1 konnten nicht hochgeladen werden: %2</translation>
    </message>
    <message>
        <source>Remote File Changed</source>
        <translation>Entfernte Datei geändert</translation>
    </message>
    <message>
        <source>%1 was changed on the remote machine after it was opened here. Replace it with your changes, save your changes beside it as %2, or keep the remote one and drop your changes?</source>
        <translation>%1 wurde auf dem entfernten Rechner geändert, nachdem es hier geöffnet wurde. Durch Ihre Änderungen ersetzen, Ihre Änderungen daneben als %2 speichern oder die entfernte Fassung behalten und Ihre Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>Ü&amp;berschreiben</translation>
    </message>
    <message>
        <source>Save as &amp;Copy</source>
        <translation>Als &amp;Kopie speichern</translation>
    </message>
    <message>
        <source>&amp;Keep Remote</source>
        <translation>&amp;Entfernte behalten</translation>
    </message>
    <message>
        <source>Uploaded changes to %1</source>
        <translation>Änderungen an %1 hochgeladen</translation>
    </message>
    <message>
        <source> (edited)</source>
        <translation> (bearbeitet)</translation>
    </message>
</context>
<context>
    <name>ferry::client::ChmodJob</name>
    <message>
        <source>%1 is a link, which has no permissions of its own</source>
        <translation>%1 ist eine Verknüpfung und hat keine eigenen Berechtigungen</translation>
    </message>
    <message numerus="yes">
        <source>could not change the permissions of %n item(s), the first: %1</source>
        <translation>
            <numerusform>die Berechtigungen von %n Eintrag konnten nicht geändert werden: %1</numerusform>
            <numerusform>die Berechtigungen von %n Einträgen konnten nicht geändert werden, der erste: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ferry::ui::TransferLog</name>
    <message>
        <source>Transfer Log</source>
        <translation>Übertragungsprotokoll</translation>
    </message>
    <message>
        <source>Log Actions</source>
        <translation>Protokollaktionen</translation>
    </message>
    <message>
        <source>&amp;Save Log…</source>
        <translation>Protokoll &amp;speichern …</translation>
    </message>
    <message>
        <source>C&amp;lear Log</source>
        <translation>Protokoll &amp;leeren</translation>
    </message>
    <message>
        <source>Transfer log</source>
        <translation>Übertragungsprotokoll</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Remote copy</source>
        <translation>Entfernte Kopie</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1  %2 (%3)  %4  %5 → %6</source>
        <translation>%1  %2 (%3)  %4  %5 → %6</translation>
    </message>
    <message>
        <source>: %1</source>
        <translation>: %1</translation>
    </message>
    <message>
        <source>Could not save the log to %1: %2</source>
        <translation>Das Protokoll konnte nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation>Protokoll speichern</translation>
    </message>
    <message>
        <source>Text (*.txt *.log);;CSV (*.csv)</source>
        <translation>Text (*.txt *.log);;CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>ferry::ui::RemoteDragData</name>
    <message>
        <source>Could not create a folder in %1</source>
        <translation>Im Ordner %1 konnte kein Ordner angelegt werden</translation>
    </message>
    <message>
        <source>Could not download the dragged entries: not connected</source>
        <translation>Die gezogenen Einträge konnten nicht heruntergeladen werden: nicht verbunden</translation>
    </message>
    <message numerus="yes">
        <source>The dragged entries took longer than %n second(s) to download; use Download instead</source>
        <translation>
            <numerusform>Das Herunterladen der gezogenen Einträge dauerte länger als %n Sekunde; verwenden Sie stattdessen „Herunterladen“</numerusform>
            <numerusform>Das Herunterladen der gezogenen Einträge dauerte länger als %n Sekunden; verwenden Sie stattdessen „Herunterladen“</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not download the dragged entries</source>
        <translation>Die gezogenen Einträge konnten nicht heruntergeladen werden</translation>
    </message>
</context>
<context>
    <name>ferry::ui::NameFilter</name>
    <message>
        <source>Filter (e.g. *.log)</source>
        <translation>Filter (z. B. *.log)</translation>
    </message>
    <message>
        <source>Clear Filter</source>
        <translation>Filter leeren</translation>
    </message>
</context>
<context>
    <name>ferry::ui::DeleteQuestion</name>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
</context>
</TS>
