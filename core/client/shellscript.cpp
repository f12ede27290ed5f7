// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/client/shellscript.h"

#include <array>

namespace ferry::client::shellscript {

namespace {

/// printf format text for a marker: "\106ERRY-BOOT" prints "FERRY-BOOT".
QByteArray printed(QByteArrayView marker)
{
    return "\\" + QByteArray::number(int(uchar(marker.at(0))), 8) + marker.mid(1).toByteArray();
}

const QByteArray &answer()
{
    static const QByteArray text = printed(kAnswer);
    return text;
}

/// The function the lines share: a file's checksum in the form sumOf() gives.
constexpr QByteArrayView kSumFunction =
    "f_sum() { if command -v sha256sum >/dev/null 2>&1; then set -- $(sha256sum < \"$1\"); echo \"sha256:$1\"; "
    "else set -- $(cksum < \"$1\"); echo \"cksum:$1:$2\"; fi; }\n";

std::array<quint32, 256> cksumTable()
{
    std::array<quint32, 256> table{};
    for (quint32 i = 0; i < 256; ++i) {
        quint32 c = i << 24;
        for (int bit = 0; bit < 8; ++bit)
            c = (c & 0x80000000u) ? (c << 1) ^ 0x04C11DB7u : c << 1;
        table[i] = c;
    }
    return table;
}

} // namespace

QByteArray quote(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    bytes.replace('\'', "'\\''");
    return '\'' + bytes + '\'';
}

namespace {

QByteArray agentArguments(const QString &root, int heartbeatMs, int deadAfterMs)
{
    QByteArray args = " --stdio --heartbeat " + QByteArray::number(heartbeatMs) + " --dead-after " + QByteArray::number(deadAfterMs);
    if (!root.isEmpty())
        args += " --root " + quote(root);
    return args;
}

} // namespace

QByteArray probe(const QString &fileName, const QList<QByteArray> &sums, const QString &root, int heartbeatMs, int deadAfterMs)
{
    const QByteArray a = answer();
    QByteArray s;
    // Echo off first, so that nothing after this line comes back; a shell
    // without a terminal just ignores it.
    s += "stty -echo 2>/dev/null; unset HISTFILE; PS1=; PS2=\n";
    s += kSumFunction;
    s += "f_n=" + quote(fileName) + "; f_d=; f_nx=; f_uid=$(id -u)\n";
    // The fast way in: an agent installed here before, whose checksum was
    // written beside it then and which has not changed since, is started
    // at once, without hashing it again or trying the tools.
    s += "f_ok() { [ -d \"$1\" ] && [ ! -h \"$1\" ] && [ -O \"$1\" ] && [ -f \"$1/$f_n.ok\" ] && [ -x \"$1/$f_n\" ] "
         "&& [ ! \"$1/$f_n\" -nt \"$1/$f_n.ok\" ] && read f_k < \"$1/$f_n.ok\" && case \"$f_k\" in";
    for (qsizetype i = 0; i < sums.size(); ++i)
        s += (i ? " | '" : " '") + sums.at(i) + '\'';
    s += ") true;; *) false;; esac; }\n";
    s += "case $(uname -sm 2>/dev/null) in 'Linux x86_64') for c in \"${XDG_CACHE_HOME:-$HOME/.cache}/ferry\" \"/tmp/ferry-$f_uid\" \"/var/tmp/ferry-$f_uid\" \"/dev/shm/ferry-$f_uid\"; do "
         "if f_ok \"$c\"; then printf '" + a + "start %s\\n' \"$c\"; exec \"$c/$f_n\"" + agentArguments(root, heartbeatMs, deadAfterMs)
         + "; printf '" + a + "nostart %s\\n' \"$?\"; fi; done;; esac\n";
    // The first candidate that is a directory of ours (not a link someone
    // else planted in /tmp), writable, and on a mount that lets us run
    // programs: a two-line script runs there, and fails with "permission
    // denied" on a noexec mount.
    s += "for c in \"${XDG_CACHE_HOME:-$HOME/.cache}/ferry\" \"/tmp/ferry-$f_uid\" \"/var/tmp/ferry-$f_uid\" \"/dev/shm/ferry-$f_uid\"; do "
         "(umask 077; mkdir -p \"$c\") 2>/dev/null; [ -d \"$c\" ] && [ ! -h \"$c\" ] && [ -O \"$c\" ] && [ -w \"$c\" ] || continue; "
         "printf '#!/bin/sh\\nexit 0\\n' > \"$c/.ferry-x\" 2>/dev/null || continue; chmod 700 \"$c/.ferry-x\"; "
         "if \"$c/.ferry-x\" 2>/dev/null; then rm -f \"$c/.ferry-x\"; f_d=$c; break; fi; "
         "rm -f \"$c/.ferry-x\"; f_nx=\"$f_nx $c\"; done\n";
    s += "f_have=; [ -n \"$f_d\" ] && [ -f \"$f_d/$f_n\" ] && f_have=$(f_sum \"$f_d/$f_n\")\n";
    s += "f_b64=; command -v base64 >/dev/null 2>&1 && [ \"$(printf %s Zm9v | base64 -d 2>/dev/null)\" = foo ] && f_b64=1\n";
    s += "f_sha=; command -v sha256sum >/dev/null 2>&1 && f_sha=1\n";
    // A shell that reads its input a byte at a time (bash, off a terminal)
    // lets a command read what follows its line; head must then stop
    // exactly where told (busybox's reads ahead).
    s += "f_exact=; [ -n \"${BASH_VERSION:-}\" ] && [ ! -t 0 ] && [ \"$(printf abcdef | { head -c 2 >/dev/null; cat; })\" = cdef ] && f_exact=1\n";
    s += "printf '" + a + "os=%s\\n' \"$(uname -s 2>/dev/null)\"; "
         "printf '" + a + "arch=%s\\n' \"$(uname -m 2>/dev/null)\"; "
         "printf '" + a + "dir=%s\\n' \"$f_d\"; "
         "printf '" + a + "noexec=%s\\n' \"$f_nx\"; "
         "printf '" + a + "have=%s\\n' \"$f_have\"; "
         "printf '" + a + "base64=%s\\n' \"$f_b64\"; "
         "printf '" + a + "sha256=%s\\n' \"$f_sha\"; "
         "printf '" + a + "exact=%s\\n' \"$f_exact\"; "
         "printf '" + a + "pwd=%s\\n' \"$PWD\"; "
         "printf '" + a + "end\\n'\n";
    return s;
}

QByteArray terminalPrelude()
{
    // One short line, read while the terminal is still cooked (lines of at
    // most 4095 bytes, echo on, ^C and friends active). It makes the line
    // discipline raw and quiet, answers, and leaves the interactive shell
    // (a line editor, history, prompts, job control) for /bin/sh reading
    // the terminal as a script: with stderr off the terminal it is not
    // interactive. The answer is printed, never typed, so an echo of this
    // line is not taken for it.
    return "stty raw -echo 2>/dev/null; printf '" + answer() + "tty\\n'; exec /bin/sh -s 2>/dev/null\n";
}

QByteArray beginUpload()
{
    return "f_p=\"$f_d/.$f_n.$$.part\"; rm -f \"$f_p\"; (umask 077; : > \"$f_p\")\n";
}

QByteArray uploadChunk(QByteArrayView bytes, qint64 sequence, UploadMethod method)
{
    const QByteArray ack = printed(kAck);
    const QByteArray n = QByteArray::number(sequence);
    const QByteArray acknowledge = " && printf '" + ack + "%s\\n' " + n + " || printf '" + ack + "NAK %s\\n' " + n + "\n";
    if (method == UploadMethod::ExactRead) {
        const QByteArray encoded = bytes.toByteArray().toBase64();
        return "head -c " + QByteArray::number(encoded.size()) + " | base64 -d >> \"$f_p\"" + acknowledge + encoded;
    }
    if (method == UploadMethod::HereDocument) {
        // Short lines: no line a terminal's line editor could choke on.
        const QByteArray encoded = bytes.toByteArray().toBase64();
        QByteArray text = "base64 -d >> \"$f_p\" <<'FERRY_CHUNK'" + acknowledge;
        text.reserve(text.size() + encoded.size() + encoded.size() / 76 + 16);
        for (qsizetype at = 0; at < encoded.size(); at += 76) {
            text += encoded.mid(at, 76);
            text += '\n';
        }
        text += "FERRY_CHUNK\n";
        return text;
    }
    // Every byte as an octal escape: only digits and backslashes, so
    // neither quotes nor printf's % can be mistaken.
    QByteArray line;
    line.reserve(bytes.size() * 4 + 64);
    line += "printf '";
    for (const char c : bytes) {
        const uchar b = uchar(c);
        line += '\\';
        line += char('0' + (b >> 6));
        line += char('0' + ((b >> 3) & 7));
        line += char('0' + (b & 7));
    }
    line += "' >> \"$f_p\"" + acknowledge;
    return line;
}

QByteArray finishUpload(const QByteArray &expectedSum)
{
    const QByteArray a = answer();
    return "f_got=$(f_sum \"$f_p\"); if [ \"$f_got\" = '" + expectedSum + "' ]; then "
           "chmod 700 \"$f_p\" && mv -f \"$f_p\" \"$f_d/$f_n\" && f_have=$f_got && printf '%s\\n' \"$f_got\" > \"$f_d/$f_n.ok\" && printf '" + a + "installed\\n' || printf '" + a + "corrupt move\\n'; "
           "else rm -f \"$f_p\"; printf '" + a + "corrupt %s\\n' \"$f_got\"; fi\n";
}

QByteArray startAgent(const QString &root, int heartbeatMs, int deadAfterMs)
{
    // The checksum just found right goes beside the agent, for the fast
    // way in next time.
    return "[ -n \"$f_have\" ] && printf '%s\\n' \"$f_have\" > \"$f_d/$f_n.ok\"; exec \"$f_d/$f_n\"" + agentArguments(root, heartbeatMs, deadAfterMs) + "; printf '" + answer() + "nostart %s\\n' \"$?\"\n";
}

static const std::array<quint32, 256> &table()
{
    static const std::array<quint32, 256> t = cksumTable();
    return t;
}

void PosixCksum::add(QByteArrayView bytes)
{
    const auto &t = table();
    for (const char c : bytes)
        m_crc = (m_crc << 8) ^ t[((m_crc >> 24) ^ uchar(c)) & 0xFF];
    m_size += quint64(bytes.size());
}

quint32 PosixCksum::result() const
{
    // The length follows the data, least significant byte first, as few
    // bytes as it takes.
    const auto &t = table();
    quint32 crc = m_crc;
    for (quint64 length = m_size; length != 0; length >>= 8)
        crc = (crc << 8) ^ t[((crc >> 24) ^ (length & 0xFF)) & 0xFF];
    return ~crc;
}

} // namespace ferry::client::shellscript
