<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" sourcelanguage="en">
<context>
    <name>ferry</name>
    <message>
        <location filename="../core/humanformat.cpp" line="31"/>
        <source>&apos;%1&apos; is not a size: expected bytes, or a number with K, M or G (1024 multiples), such as 500K or 1.5M</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::Error</name>
    <message>
        <location filename="../core/error.cpp" line="35"/>
        <source>path leads outside the served directory</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::agent</name>
    <message>
        <location filename="../core/agent/agentserver.cpp" line="42"/>
        <source>%1: cannot read the certificate: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/agentserver.cpp" line="45"/>
        <source>%1: no PEM certificate found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/agentserver.cpp" line="48"/>
        <source>%1: cannot read the key: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/agentserver.cpp" line="57"/>
        <source>%1: no unencrypted PEM private key found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/agentserver.cpp" line="75"/>
        <source>wss:// needs both a certificate and a key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/agentserver.cpp" line="93"/>
        <source>cannot listen on %1:%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/agentserver.cpp" line="127"/>
        <source>too many clients (limit %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/agentsession.cpp" line="65"/>
        <source>protocol error: text message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/agentsession.cpp" line="69"/>
        <source>client left during the handshake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/agentsession.cpp" line="73"/>
        <source>authentication timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/agentsession.cpp" line="117"/>
        <location filename="../core/agent/agentsession.cpp" line="122"/>
        <source>protocol error: expected an authentication message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/agentsession.cpp" line="131"/>
        <source>protocol error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/agentsession.cpp" line="135"/>
        <source>unsupported protocol version %1 (this agent speaks %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/agentsession.cpp" line="140"/>
        <source>authentication failed: wrong token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/agentsession.cpp" line="210"/>
        <source>unexpected message &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/agentsession.cpp" line="263"/>
        <source>cannot move &apos;%1&apos; into itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/agentsession.cpp" line="310"/>
        <source>unknown operation &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/agentsession.cpp" line="349"/>
        <source>stream %1 is already open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/agentsession.cpp" line="353"/>
        <source>too many open streams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/agentexec.cpp" line="36"/>
        <source>no command given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/agentexec.cpp" line="83"/>
        <source>command input on channel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/agentbatch.cpp" line="61"/>
        <source>a batch holds 1 to %1 files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/agentbatch.cpp" line="88"/>
        <source>a batch holds at most %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/agentbatch.cpp" line="143"/>
        <source>batch data out of place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/agentbatch.cpp" line="177"/>
        <source>batch ended early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/agentbatch.cpp" line="193"/>
        <source>%1: not written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/agentbatch.cpp" line="271"/>
        <source>a commit holds 1 to %1 files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/agentbatch.cpp" line="342"/>
        <source>%1: not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/agentbatch.cpp" line="344"/>
        <source>%1: too large for a batch</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::agent::RootFs</name>
    <message>
        <location filename="../core/agent/rootfs.cpp" line="47"/>
        <source>no valid directory to serve was given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/rootfs.cpp" line="73"/>
        <source>path contains a NUL byte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/rootfs.cpp" line="78"/>
        <source>absolute paths lead outside the served directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/rootfs.cpp" line="230"/>
        <source>not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/rootfs.cpp" line="278"/>
        <location filename="../core/agent/rootfs.cpp" line="301"/>
        <source>the served directory itself has no parent here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/rootfschanges.cpp" line="105"/>
        <source>refusing to remove the served directory itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/rootfschanges.cpp" line="147"/>
        <source>cannot rename the served directory itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/rootfschanges.cpp" line="220"/>
        <source>invalid symbolic link target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/agent/rootfsdetail.cpp" line="198"/>
        <source>is a symbolic link, which is not followed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::auth</name>
    <message>
        <location filename="../core/net/auth.cpp" line="55"/>
        <source>%1: token file not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/auth.cpp" line="74"/>
        <source>%1: cannot read token: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/auth.cpp" line="77"/>
        <source>%1: token is shorter than 128 bits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::cli</name>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="32"/>
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
  exec [--cwd :DIR] [--shell &apos;STRING&apos; | [--] CMD [ARGS...]]
                                  run a command on the agent with our stdin/stdout/stderr

Exit status: 0 success, 1 operation failed, 2 usage, 3 connection, 4 authentication;
exec exits with the remote command&apos;s status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="76"/>
        <source>reconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="80"/>
        <source>connection lost: %1; reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="99"/>
        <source>Ferry command line client: files and commands on a remote agent over one WebSocket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="104"/>
        <source>Agent URL (default $FERRY_URL or ws://127.0.0.1:7707).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="105"/>
        <source>Token file (default $FERRY_TOKEN_FILE or %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="106"/>
        <source>Heartbeat interval in milliseconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="107"/>
        <source>Declare the agent dead after this many silent milliseconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="108"/>
        <source>Keep reconnecting this many milliseconds after a drop; 0 never.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="109"/>
        <source>wss://: trust the agent certificate with this SHA-256 fingerprint (pinned for later).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="110"/>
        <source>Cap transfers at RATE bytes per second in each direction, e.g. 500K, 2M or 1.5M (K, M, G: 1024 multiples); 0 means no limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="111"/>
        <source>Write transfer statistics as JSON to FILE at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="112"/>
        <source>Show progress even when not on a terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="113"/>
        <source>No progress and no notices, errors only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="115"/>
        <source>The command to run, then its arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="132"/>
        <source>no command given (see --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="138"/>
        <source>unknown command &apos;%1&apos; (see --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="145"/>
        <source>&apos;%1&apos; is not a ws:// or wss:// URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="153"/>
        <source>--heartbeat, --dead-after and --reconnect-for take milliseconds; --dead-after must exceed --heartbeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="159"/>
        <source>--limit-rate: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="160"/>
        <source>&apos;%1&apos; is above the highest limit, 1024G</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="177"/>
        <source>--trust expects a SHA-256 fingerprint (64 hex digits, colons allowed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="195"/>
        <source>ferry-cli: if this is the agent&apos;s certificate, trust it with --trust %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="199"/>
        <source>Compare it with what the agent printed at start. Trust this certificate? [y/N] </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="328"/>
        <source>%1: &apos;%2&apos; is not a remote path (remote paths start with &apos;:&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/cliapp.cpp" line="334"/>
        <source>%1: no path given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/clicommands.cpp" line="197"/>
        <source>mv: expects :SRC... :DST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/clicommands.cpp" line="204"/>
        <location filename="../core/cli/clicopy.cpp" line="95"/>
        <source>skipped %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/clicommands.cpp" line="221"/>
        <source>chmod: expects MODE :PATH...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/clicommands.cpp" line="225"/>
        <source>chmod: &apos;%1&apos; is not an octal mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/clicopy.cpp" line="39"/>
        <source>cp: expects SRC... DST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/clicopy.cpp" line="47"/>
        <source>cp: at least one side must be remote (:PATH); use cp for local copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/clicopy.cpp" line="49"/>
        <source>cp: the sources must all be local or all remote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/clicopy.cpp" line="55"/>
        <source>cp: unknown --on-conflict policy &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/clicopy.cpp" line="65"/>
        <source>cp: --parallel takes a number from 1 to 64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/clicopy.cpp" line="81"/>
        <source>not asking because stdin is not a terminal (use --on-conflict=overwrite|skip|rename|resume|newer|fail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/clicopy.cpp" line="88"/>
        <source>1 file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/clicopy.cpp" line="88"/>
        <source>%1 files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/clicopy.cpp" line="89"/>
        <source>1 folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/clicopy.cpp" line="89"/>
        <source>%1 folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/clicopy.cpp" line="90"/>
        <source>copying %1 in %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/clicopy.cpp" line="97"/>
        <source>%1 items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/clicopy.cpp" line="124"/>
        <source>exec: give either --shell &apos;STRING&apos; or a command with arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/clicopy.cpp" line="128"/>
        <source>exec: --cwd takes a remote path (:DIR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/terminalconflicthandler.cpp" line="20"/>
        <source>folder, modified %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/terminalconflicthandler.cpp" line="21"/>
        <source>%1, modified %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/terminalconflicthandler.cpp" line="52"/>
        <source>%1 already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/terminalconflicthandler.cpp" line="53"/>
        <source>existing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/terminalconflicthandler.cpp" line="54"/>
        <source>new:      %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/terminalconflicthandler.cpp" line="63"/>
        <source>[s]kip, [r]ename to &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/terminalconflicthandler.cpp" line="64"/>
        <source>[o]verwrite, [s]kip, [r]ename to &quot;%1&quot;, overwrite if [n]ewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/terminalconflicthandler.cpp" line="66"/>
        <source>, r[e]sume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/terminalconflicthandler.cpp" line="67"/>
        <source>, [c]ancel (capital letter: the same for all)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::client</name>
    <message>
        <location filename="../core/client/session.cpp" line="38"/>
        <source>%1: the agent did not complete the handshake in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="79"/>
        <source>session closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="82"/>
        <source>client closed the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="112"/>
        <location filename="../core/client/session.cpp" line="118"/>
        <location filename="../core/client/session.cpp" line="289"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="117"/>
        <source>the agent closed the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="141"/>
        <source>%1: the agent presented no certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="162"/>
        <source>%1: THE AGENT&apos;S CERTIFICATE HAS CHANGED (now %2). Someone may be intercepting the connection; if the agent was given a new certificate, trust it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="165"/>
        <source>%1: the agent&apos;s certificate is not trusted yet (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="175"/>
        <source>%1: not a Ferry agent (malformed handshake)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="188"/>
        <source>%1: not a Ferry agent (unexpected greeting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="192"/>
        <source>%1: the agent does not speak protocol version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="208"/>
        <source>%1: unexpected handshake message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="216"/>
        <source>%1: the agent failed to prove it holds the token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="341"/>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="363"/>
        <source>unexpected message &apos;%1&apos; from the agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/client/batchjobs.cpp" line="38"/>
        <source>%1: the file changed while it was being sent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::client::BatchDownloadJob</name>
    <message>
        <location filename="../core/client/batchjobs.cpp" line="228"/>
        <source>the agent answered for %1 files, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/client/batchjobs.cpp" line="280"/>
        <source>batch data out of place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/client/batchjobs.cpp" line="314"/>
        <source>the batch ended early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/client/batchjobs.cpp" line="423"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::client::BatchUploadJob</name>
    <message>
        <location filename="../core/client/batchjobs.cpp" line="185"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::client::DownloadJob</name>
    <message>
        <location filename="../core/client/downloadjob.cpp" line="124"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::client::ExecJob</name>
    <message>
        <location filename="../core/client/execjob.cpp" line="65"/>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/client/execjob.cpp" line="95"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/client/execjob.cpp" line="148"/>
        <source>command output on channel %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::client::GroupCommitJob</name>
    <message>
        <location filename="../core/client/groupcommitjob.cpp" line="40"/>
        <source>the agent answered for %1 files, not %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::client::TransferJob</name>
    <message>
        <location filename="../core/client/transferjob.cpp" line="62"/>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/client/transferjob.cpp" line="72"/>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::client::UploadJob</name>
    <message>
        <location filename="../core/client/uploadjob.cpp" line="145"/>
        <source>cancelled by the user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/client/uploadjob.cpp" line="147"/>
        <source>paused by the user</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::copy::CopyJob</name>
    <message>
        <location filename="../core/copy/copyjob.cpp" line="58"/>
        <source>nothing to copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/copy/copyplanning.cpp" line="84"/>
        <source>one source only when the destination is its new name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/copy/copyplanning.cpp" line="88"/>
        <source>target &apos;%1&apos; is not a directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/copy/copyplanning.cpp" line="103"/>
        <source>&apos;%1&apos; has no name to copy it under; name the destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/copy/copyplanning.cpp" line="111"/>
        <source>cannot copy &apos;%1&apos; into itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/copy/copyplanning.cpp" line="139"/>
        <source>-r not specified; omitting directory &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/copy/copyplanning.cpp" line="141"/>
        <source>cannot create &apos;%1&apos;: Not a directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/copy/copyplanning.cpp" line="147"/>
        <location filename="../core/copy/copyplanning.cpp" line="148"/>
        <location filename="../core/copy/copyplanning.cpp" line="219"/>
        <source>skipping special file &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/copy/copyplanning.cpp" line="220"/>
        <source>special file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/copy/copyplanning.cpp" line="321"/>
        <source>not enough space on %1: the copy needs %2, %3 are free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/copy/copyexecution.cpp" line="154"/>
        <source>%1: already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/copy/copyexecution.cpp" line="167"/>
        <source>there is no one to ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/copy/copyexecution.cpp" line="168"/>
        <source>%1 exists; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/copy/copyexecution.cpp" line="216"/>
        <source>exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/copy/copyexecution.cpp" line="228"/>
        <source>the destination is not older</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/copy/copyexecution.cpp" line="235"/>
        <source>cannot overwrite directory &apos;%1&apos; with a non-directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/copy/copyexecution.cpp" line="236"/>
        <source>cannot overwrite non-directory &apos;%1&apos; with a directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/copy/copyexecution.cpp" line="275"/>
        <location filename="../core/copy/copyexecution.cpp" line="493"/>
        <location filename="../core/copy/copycontrol.cpp" line="135"/>
        <location filename="../core/copy/copycontrol.cpp" line="139"/>
        <location filename="../core/copy/copycontrol.cpp" line="163"/>
        <location filename="../core/copy/copycontrol.cpp" line="198"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/copy/copyexecution.cpp" line="628"/>
        <source>%1 entries could not be copied; the first: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::copy::MoveJob</name>
    <message>
        <location filename="../core/copy/movejob.cpp" line="52"/>
        <source>nothing to move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/copy/movejob.cpp" line="63"/>
        <source>target &apos;%1&apos; is not a directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/copy/movejob.cpp" line="79"/>
        <source>%1 entries could not be moved; the first: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/copy/movejob.cpp" line="87"/>
        <source>cannot move the served folder itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/copy/movejob.cpp" line="91"/>
        <source>it is already there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/copy/movejob.cpp" line="95"/>
        <source>cannot move &apos;%1&apos; into itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/copy/movejob.cpp" line="140"/>
        <source>&apos;%1&apos; exists; not replacing it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/copy/movejob.cpp" line="146"/>
        <source>&apos;%1&apos; exists and there is no one to ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/copy/movejob.cpp" line="194"/>
        <source>&apos;%1&apos; exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/copy/movejob.cpp" line="202"/>
        <source>&apos;%1&apos; is not older</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/copy/movejob.cpp" line="209"/>
        <source>cannot replace &apos;%1&apos; with &apos;%2&apos;: one is a folder, the other is not</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::exec::ChildProcess</name>
    <message>
        <location filename="../core/exec/childprocess.cpp" line="199"/>
        <source>The process was already started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/exec/childprocess.cpp" line="205"/>
        <source>No program to run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/exec/childprocess.cpp" line="210"/>
        <source>%1: an argument contains a NUL character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/exec/childprocess.cpp" line="216"/>
        <source>Invalid environment entry &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/exec/childprocess.cpp" line="227"/>
        <source>%1: the working directory must be an absolute path</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::net</name>
    <message>
        <location filename="../core/net/connection.cpp" line="52"/>
        <source>unexpected text message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/connection.cpp" line="59"/>
        <source>connection closed by the peer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/connection.cpp" line="211"/>
        <source>flow control violation: data beyond the connection window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/connection.cpp" line="221"/>
        <source>data for unknown stream %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/connection.cpp" line="225"/>
        <source>flow control violation: data beyond the window of stream %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/connection.cpp" line="229"/>
        <source>data for send-only stream %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/connection.cpp" line="298"/>
        <source>the peer did not answer for %1 s: connection considered dead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/truststore.cpp" line="76"/>
        <source>%1: cannot save the trusted certificate: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::protocol</name>
    <message>
        <location filename="../core/protocol/frame.cpp" line="50"/>
        <source>empty message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/protocol/frame.cpp" line="52"/>
        <source>message of %1 bytes exceeds the limit of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/protocol/frame.cpp" line="58"/>
        <source>truncated data frame header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/protocol/frame.cpp" line="60"/>
        <source>data frame payload exceeds %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/protocol/frame.cpp" line="67"/>
        <source>data frame offset out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/protocol/frame.cpp" line="72"/>
        <source>unknown frame kind 0x%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/protocol/frame.cpp" line="74"/>
        <source>control message exceeds %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/protocol/frame.cpp" line="79"/>
        <source>malformed control message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/protocol/frame.cpp" line="81"/>
        <source>control message is not a map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/protocol/frame.cpp" line="84"/>
        <source>control message without a type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/protocol/messagereader.cpp" line="22"/>
        <source>field &apos;%1&apos; of &apos;%2&apos;: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/protocol/messagereader.cpp" line="29"/>
        <source>missing or not a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/protocol/messagereader.cpp" line="44"/>
        <source>missing or not an integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/protocol/messagereader.cpp" line="49"/>
        <source>%1 is out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/protocol/messagereader.cpp" line="66"/>
        <source>not a boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/protocol/messagereader.cpp" line="76"/>
        <source>missing or not bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/protocol/messagereader.cpp" line="81"/>
        <source>longer than %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/protocol/messagereader.cpp" line="96"/>
        <source>missing or not a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/protocol/messagereader.cpp" line="101"/>
        <source>more than %1 items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/protocol/messagereader.cpp" line="107"/>
        <source>an item is not a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/protocol/entry.cpp" line="24"/>
        <source>directory entry is not a map</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::transfer</name>
    <message>
        <location filename="../core/transfer/filesource.cpp" line="22"/>
        <source>%1: the file changed while it was being sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/transfer/filesource.cpp" line="35"/>
        <source>%1: not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/transfer/filesink.cpp" line="38"/>
        <source>%1: another transfer is writing this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/transfer/filesink.cpp" line="45"/>
        <source>%1: the partial file is not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/transfer/filesink.cpp" line="70"/>
        <source>%1: data at offset %2, expected %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/transfer/filesink.cpp" line="92"/>
        <source>%1: received %2 bytes, the sender announced %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/transfer/filesink.cpp" line="95"/>
        <source>%1: checksum mismatch, the received file was discarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/transfer/filesink.cpp" line="130"/>
        <source>%1: the staged file was changed before it was put in place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/transfer/streammessages.cpp" line="45"/>
        <source>the peer reported an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/transfer/job.cpp" line="42"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::ui::CertificatePrompt</name>
    <message>
        <location filename="../ui/certificateprompt.cpp" line="26"/>
        <source>Agent Certificate Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/certificateprompt.cpp" line="27"/>
        <source>&lt;p&gt;The agent at &lt;b&gt;%1&lt;/b&gt; presents a different certificate than the one you trusted before. Someone may be intercepting the connection.&lt;/p&gt;&lt;p&gt;New SHA-256 fingerprint:&lt;/p&gt;%2&lt;p&gt;Trust it only if the agent was given a new certificate and this fingerprint is the one it printed at start.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/certificateprompt.cpp" line="33"/>
        <source>Unknown Agent Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/certificateprompt.cpp" line="34"/>
        <source>&lt;p&gt;The agent at &lt;b&gt;%1&lt;/b&gt; presents a certificate that no authority vouches for.&lt;/p&gt;&lt;p&gt;SHA-256 fingerprint:&lt;/p&gt;%2&lt;p&gt;Compare it with what the agent printed at start. Trust this certificate?&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/certificateprompt.cpp" line="38"/>
        <source>&amp;Trust the New Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/certificateprompt.cpp" line="38"/>
        <source>&amp;Trust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/certificateprompt.cpp" line="39"/>
        <source>Trust the new certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/certificateprompt.cpp" line="39"/>
        <source>Trust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/certificateprompt.cpp" line="41"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/certificateprompt.cpp" line="73"/>
        <source>Cannot Trust the Certificate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::ui::ConflictDialog</name>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="39"/>
        <source>Location:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="40"/>
        <source>Size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="40"/>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="41"/>
        <source>Modified:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="52"/>
        <source>&amp;Apply to all remaining conflicts of this copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="55"/>
        <source>Name Already in Use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="55"/>
        <source>File Already Exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="58"/>
        <source>A folder and a file cannot share the name &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="59"/>
        <source>&lt;b&gt;%1&lt;/b&gt; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="63"/>
        <source>Existing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="64"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="68"/>
        <source>New &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="70"/>
        <source>New name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="84"/>
        <source>&amp;Overwrite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="85"/>
        <source>Overwrite if &amp;Newer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="88"/>
        <source>Res&amp;ume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="89"/>
        <source>&amp;Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="90"/>
        <source>&amp;Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/conflictdialog.cpp" line="91"/>
        <source>&amp;Cancel Copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::ui::ConnectDialog</name>
    <message>
        <location filename="../ui/connectdialog.cpp" line="42"/>
        <source>&amp;Delete Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="46"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="48"/>
        <source>Sa&amp;ve as site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="52"/>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="54"/>
        <source>Connect to Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="87"/>
        <source>&amp;Saved sites:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="91"/>
        <source>&amp;Recent connections:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="99"/>
        <source>Agent &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="103"/>
        <source>Token f&amp;ile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="105"/>
        <location filename="../ui/connectdialog.cpp" line="204"/>
        <location filename="../ui/connectdialog.cpp" line="223"/>
        <source>Leave empty to use the token file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="106"/>
        <source>Or &amp;paste the token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="109"/>
        <source>Site na&amp;me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="119"/>
        <source>Saved sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="120"/>
        <source>Delete site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="121"/>
        <source>Recent connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="122"/>
        <source>Agent URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="123"/>
        <source>Token file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="124"/>
        <source>Browse for the token file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="125"/>
        <source>Pasted token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="126"/>
        <source>Save as site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="127"/>
        <source>Site name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="128"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="129"/>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="130"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="145"/>
        <location filename="../ui/connectdialog.cpp" line="159"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="204"/>
        <source>Saved in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="237"/>
        <source>Choose the Agent&apos;s Token File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="287"/>
        <source>Enter the agent&apos;s URL, for example ws://host:7707.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="290"/>
        <source>“%1” is not a valid URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="292"/>
        <source>The agent URL must start with ws:// or wss://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="294"/>
        <source>The agent URL has no host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="296"/>
        <source>Port 0 is not a valid port for the agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="314"/>
        <source>Enter a name for the site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="330"/>
        <source>The pasted token is too short: an agent&apos;s token has at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="347"/>
        <source>Reading the token from the system keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="351"/>
        <source>Choose the agent&apos;s token file or paste its token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="375"/>
        <source>Saving the token in the system keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="398"/>
        <source>Paste the token or choose a token file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="417"/>
        <source>Press Connect to go on without saving the token.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::ui::ConnectionIndicator</name>
    <message>
        <location filename="../ui/connectionindicator.cpp" line="50"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionindicator.cpp" line="56"/>
        <source>Connected · %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionindicator.cpp" line="56"/>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionindicator.cpp" line="60"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/connectionindicator.cpp" line="65"/>
        <source>Reconnecting in %n s…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/connectionindicator.cpp" line="65"/>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionindicator.cpp" line="69"/>
        <source>Offline: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionindicator.cpp" line="80"/>
        <source>Connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::ui::LocalBrowser</name>
    <message>
        <location filename="../ui/localbrowser.cpp" line="28"/>
        <source>Local files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/localbrowser.cpp" line="44"/>
        <source>Local location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/localbrowser.cpp" line="45"/>
        <source>Local folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/localbrowser.cpp" line="47"/>
        <source>Local Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/localbrowser.cpp" line="50"/>
        <source>U&amp;p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/localbrowser.cpp" line="56"/>
        <source>Up to the parent folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/localbrowser.cpp" line="57"/>
        <source>&amp;Home</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="52"/>
        <location filename="../ui/mainwindow.cpp" line="400"/>
        <source>Ferry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="62"/>
        <source>Total progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="82"/>
        <source>%n file(s) copied</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="239"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="240"/>
        <source>&amp;Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="241"/>
        <source>&amp;Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="248"/>
        <source>&amp;Upload Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="249"/>
        <source>Upload Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="255"/>
        <source>Upload &amp;Selected Local Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="263"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="266"/>
        <source>&amp;Remote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="270"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="271"/>
        <source>Show &amp;Local Pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="290"/>
        <source>&amp;Transfer Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="294"/>
        <source>&amp;Transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="301"/>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="302"/>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="312"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="313"/>
        <source>&amp;About Ferry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="314"/>
        <source>About Ferry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="315"/>
        <source>&lt;h3&gt;Ferry %1&lt;/h3&gt;&lt;p&gt;Browse and transfer files on a remote machine whose only door is a WebSocket.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="365"/>
        <source>Download To</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="382"/>
        <source>Moved %n item(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="402"/>
        <source>%1 — Ferry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="403"/>
        <source>%1% · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="417"/>
        <source>%1/s · %2 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="417"/>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="452"/>
        <source>Transfers Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="453"/>
        <source>%n transfer(s) have not finished. Quit anyway? Partial files are kept and resume next time.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ferry::ui::Notifier</name>
    <message>
        <location filename="../ui/notifier.cpp" line="44"/>
        <source>Transfer failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/notifier.cpp" line="44"/>
        <source>Transfer finished</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::ui::PreferencesDialog</name>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="53"/>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="54"/>
        <source>&amp;Transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="55"/>
        <source>&amp;Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="56"/>
        <source>&amp;Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="57"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="58"/>
        <source>Preference pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="62"/>
        <source>&amp;Restore Defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="63"/>
        <source>Restore Defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="88"/>
        <source>When a destination exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="93"/>
        <source>Ask each time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="93"/>
        <source>Show a dialog for every file that already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="94"/>
        <source>Overwrite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="94"/>
        <source>Replace the existing file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="95"/>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="95"/>
        <source>Leave the existing file and do not transfer this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="96"/>
        <source>Rename (keep both)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="96"/>
        <source>Transfer under a free name such as &quot;report (1).pdf&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="97"/>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="97"/>
        <source>Continue a shorter existing file whose bytes match, otherwise overwrite it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="98"/>
        <source>Overwrite if newer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="98"/>
        <source>Replace the existing file only when the new one is newer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="99"/>
        <source>Fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="99"/>
        <source>Stop the transfer with an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="100"/>
        <source>&amp;When a destination exists:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="102"/>
        <source>Keep &amp;permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="103"/>
        <source>Keep permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="104"/>
        <source>Keep modification t&amp;imes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="105"/>
        <source>Keep modification times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="111"/>
        <source>Parallel transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="112"/>
        <source>Para&amp;llel transfers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="114"/>
        <source>Upload limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="115"/>
        <source>Download limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="116"/>
        <source>&amp;Upload limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="117"/>
        <source>&amp;Download limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="126"/>
        <source> KiB/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="127"/>
        <source>Unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="129"/>
        <source>0 means unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="142"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="146"/>
        <source>Heartbeat interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="147"/>
        <source>Agent lost after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="148"/>
        <source>&amp;Heartbeat every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="149"/>
        <source>Agent &amp;lost after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="153"/>
        <source>Timing error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="156"/>
        <source>A silent agent is declared lost after this time; it must be more than two heartbeats. Changes apply at the next connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="168"/>
        <source>Notify &amp;me when a long transfer ends while Ferry is in the background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="169"/>
        <source>Notify when a long transfer ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="171"/>
        <source>Uses the desktop&apos;s notifications, or flashes the window where there are none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="180"/>
        <source>Show &amp;hidden files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="181"/>
        <source>Show hidden files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="182"/>
        <source>Show the l&amp;ocal pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="183"/>
        <source>Show the local pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="234"/>
        <source>The agent can only be declared lost after more than two heartbeats: more than %L1 s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::ui::PropertiesDialog</name>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="88"/>
        <source>Properties of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="123"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="124"/>
        <source>Location:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="128"/>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="129"/>
        <source>Symbolic link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="130"/>
        <source>Special file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="133"/>
        <source>Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="137"/>
        <source>%1 (%L2 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="138"/>
        <source>Size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="141"/>
        <source>Modified:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="143"/>
        <source>Link target:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="150"/>
        <source>Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="152"/>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="152"/>
        <source>Write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="152"/>
        <source>Execute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="159"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="159"/>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="159"/>
        <source>Others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="161"/>
        <source>Owner may read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="161"/>
        <source>Owner may write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="161"/>
        <source>Owner may execute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="162"/>
        <source>Group may read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="162"/>
        <source>Group may write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="162"/>
        <source>Group may execute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="163"/>
        <source>Others may read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="163"/>
        <source>Others may write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="163"/>
        <source>Others may execute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="175"/>
        <source>Set &amp;user ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="175"/>
        <source>Set group &amp;ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="175"/>
        <source>Stic&amp;ky</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="187"/>
        <source>Numeric permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="188"/>
        <source>Three or four octal digits, such as 0644</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="192"/>
        <source>&amp;Numeric:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="196"/>
        <source>Symbolic permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="211"/>
        <source>Apply to the folder only: the files and folders inside keep their permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/propertiesdialog.cpp" line="213"/>
        <source>A link has no permissions of its own; open the properties of its target to change them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::ui::RemoteBrowser</name>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="37"/>
        <source>Remote files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="60"/>
        <source>Remote location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="61"/>
        <source>Remote folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="73"/>
        <source>Filter by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="74"/>
        <source>Filter (e.g. *.log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="80"/>
        <source>Remote Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/remotebrowser.cpp" line="100"/>
        <source>%n item(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="128"/>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="134"/>
        <source>&amp;Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="140"/>
        <source>&amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="147"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="148"/>
        <source>Edit &amp;Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="152"/>
        <source>F&amp;ilter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="156"/>
        <source>Show &amp;Hidden Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="161"/>
        <source>New &amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="163"/>
        <source>New Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="163"/>
        <source>Name of the new folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="167"/>
        <source>Re&amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="172"/>
        <location filename="../ui/remotebrowser.cpp" line="274"/>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="173"/>
        <source>Do&amp;wnload…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="178"/>
        <source>P&amp;roperties…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="179"/>
        <source>Copy Remote &amp;Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="267"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="268"/>
        <source>Delete “%1” on the remote machine? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="269"/>
        <source>Delete %1 items on the remote machine? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="298"/>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="306"/>
        <source>Creating the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="312"/>
        <source>Deleting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="319"/>
        <source>Renaming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotebrowser.cpp" line="324"/>
        <source>Changing the permissions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::ui::RemoteDirModel</name>
    <message>
        <location filename="../ui/remotedirmodel.cpp" line="90"/>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotedirmodel.cpp" line="91"/>
        <source>Link to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotedirmodel.cpp" line="92"/>
        <source>Special file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotedirmodel.cpp" line="255"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotedirmodel.cpp" line="256"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotedirmodel.cpp" line="257"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotedirmodel.cpp" line="258"/>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/remotedirmodel.cpp" line="259"/>
        <source>Permissions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::ui::SiteStore</name>
    <message>
        <location filename="../ui/sitestore.cpp" line="181"/>
        <source>No token for this site is saved in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sitestore.cpp" line="184"/>
        <source>The system keychain refused to store the token; you will be asked for it next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sitestore.cpp" line="185"/>
        <source>The system keychain refused access to the saved token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sitestore.cpp" line="189"/>
        <source>The system keychain is not available, so the token cannot be saved; you will be asked for it next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sitestore.cpp" line="190"/>
        <source>The system keychain is not available, so the saved token cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::ui::TransferDock</name>
    <message>
        <location filename="../ui/transferdock.cpp" line="20"/>
        <source>Transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferdock.cpp" line="31"/>
        <source>Transfer Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferdock.cpp" line="46"/>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferdock.cpp" line="47"/>
        <source>Res&amp;ume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferdock.cpp" line="48"/>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferdock.cpp" line="49"/>
        <source>Re&amp;try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferdock.cpp" line="51"/>
        <source>Pause &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferdock.cpp" line="52"/>
        <source>Resume A&amp;ll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferdock.cpp" line="53"/>
        <source>Clear &amp;Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferdock.cpp" line="60"/>
        <source>Parallel &amp;transfers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferdock.cpp" line="62"/>
        <source>Parallel transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferdock.cpp" line="76"/>
        <source>Transfer queue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ferry::ui::TransferQueueModel</name>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="150"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="356"/>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="357"/>
        <source>Waiting for an answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="358"/>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="359"/>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="360"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="361"/>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="361"/>
        <source>Skipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="362"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="363"/>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="379"/>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="402"/>
        <source>Upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="403"/>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="404"/>
        <source>Remote copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="408"/>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="409"/>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="421"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="422"/>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="423"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="424"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="425"/>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="426"/>
        <source>ETA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transferqueuemodel.cpp" line="427"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="37"/>
        <source>Ferry: browse and transfer files on a remote agent over one WebSocket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="40"/>
        <source>Agent to connect to, e.g. ws://127.0.0.1:7707</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="41"/>
        <source>Local files or folders to upload to the agent&apos;s root once connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="42"/>
        <source>Token file of the agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="43"/>
        <source>Save a picture of the window once the listing is shown, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="62"/>
        <source>Ferry agent: serves one directory to Ferry clients over a WebSocket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="65"/>
        <source>Directory to serve (required).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="66"/>
        <source>Address to listen on; port 0 picks a free port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="67"/>
        <source>Token file; created with a fresh 256-bit token (mode 0600) if missing. Default: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="68"/>
        <source>Write the listening port to this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="69"/>
        <source>TLS certificate (PEM) for wss://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="70"/>
        <source>TLS private key (PEM) for wss://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="71"/>
        <source>Heartbeat interval in milliseconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="72"/>
        <source>Drop a client silent for this many milliseconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="73"/>
        <source>Most clients served at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="74"/>
        <source>One of: error, warning, info, debug.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="84"/>
        <source>unknown log level &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="87"/>
        <source>--root DIR is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="89"/>
        <source>--cert and --key go together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="94"/>
        <source>--listen expects HOST:PORT, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="98"/>
        <source>--heartbeat expects milliseconds (at least 50)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="101"/>
        <source>--dead-after must be longer than --heartbeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="106"/>
        <source>--max-clients expects a positive number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/agent/main.cpp" line="121"/>
        <source>cannot write port file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
