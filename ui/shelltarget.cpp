// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shelltarget.h"

#include <QFileInfo>
#include <QStringList>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace ferry::ui {

namespace {

/// The first word after @p from that is not an option, skipping the values
/// of the options that take one. @p shortWithValue lists the one-letter
/// options with a value ("-p 22", "-p22", "-Tp 22"); @p longWithValue the
/// long ones given as "--name value" ("--name=value" needs no list).
QString firstOperand(const QStringList &words, qsizetype from, QStringView shortWithValue, const QStringList &longWithValue)
{
    for (qsizetype i = from; i < words.size(); ++i) {
        const QString &word = words.at(i);
        if (word == "--"_L1)
            return words.value(i + 1);
        if (word.startsWith("--"_L1)) {
            if (!word.contains(u'=') && longWithValue.contains(word))
                ++i;
            continue;
        }
        if (word.size() < 2 || word.front() != u'-')
            return word;
        for (qsizetype c = 1; c < word.size(); ++c) {
            if (!shortWithValue.contains(word.at(c)))
                continue;
            if (c == word.size() - 1)
                ++i; // the value is the next word
            break;   // else the rest of this word is the value
        }
    }
    return {};
}

/// The words of @p command as a POSIX shell splits them: blanks separate,
/// quotes and backslashes keep blanks in a word. No expansions; an operator
/// (;, |, &&) ends the first command.
QStringList shellWords(const QString &command)
{
    QStringList words;
    QString word;
    bool inWord = false;
    for (qsizetype i = 0; i < command.size(); ++i) {
        const QChar c = command.at(i);
        if (c == u'\'') {
            const qsizetype end = command.indexOf(u'\'', i + 1);
            word += command.mid(i + 1, (end < 0 ? command.size() : end) - i - 1);
            i = end < 0 ? command.size() : end;
            inWord = true;
        } else if (c == u'"') {
            for (++i; i < command.size() && command.at(i) != u'"'; ++i) {
                if (command.at(i) == u'\\' && i + 1 < command.size() && QStringView(u"\"\\$`").contains(command.at(i + 1)))
                    ++i;
                word += command.at(i);
            }
            inWord = true;
        } else if (c == u'\\' && i + 1 < command.size()) {
            word += command.at(++i);
            inWord = true;
        } else if (c == u';' || c == u'|' || c == u'&') {
            break;
        } else if (c.isSpace()) {
            if (inWord)
                words.append(std::exchange(word, QString()));
            inWord = false;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (inWord)
        words.append(word);
    return words;
}

QString sshDestination(const QStringList &words, qsizetype from)
{
    // ssh(1): the options that take an argument.
    QString destination = firstOperand(words, from, u"BbcDEeFIiJLlmOoPpQRSWw", {});
    if (destination.startsWith("ssh://"_L1)) {
        destination = destination.mid(6);
        // ssh://[user@]host[:port]
        if (const qsizetype colon = destination.lastIndexOf(u':'); colon > destination.lastIndexOf(u']'))
            destination.truncate(colon);
    }
    return destination;
}

QString kubectlPod(const QStringList &words, qsizetype from)
{
    const qsizetype exec = words.indexOf("exec"_L1, from);
    if (exec < 0)
        return {};
    return firstOperand(words, exec + 1, u"cfn",
                        {u"--container"_s, u"--filename"_s, u"--namespace"_s, u"--context"_s, u"--kubeconfig"_s, u"--cluster"_s,
                         u"--user"_s, u"--pod-running-timeout"_s});
}

QString containerName(const QStringList &words, qsizetype from)
{
    const qsizetype exec = words.indexOf("exec"_L1, from);
    if (exec < 0)
        return {};
    return firstOperand(words, exec + 1, u"euw", {u"--env"_s, u"--env-file"_s, u"--user"_s, u"--workdir"_s, u"--detach-keys"_s});
}

} // namespace

QString shellTarget(const QString &command)
{
    const QStringList words = shellWords(command);
    // The program may come after env, sudo or the like, and with its path.
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (words.at(i).contains(u'='))
            continue; // VAR=value given to env: a path there is no program
        const QString program = QFileInfo(words.at(i)).fileName();
        if (program == "ssh"_L1)
            return sshDestination(words, i + 1);
        if (program == "kubectl"_L1 || program == "oc"_L1)
            return kubectlPod(words, i + 1);
        if (program == "docker"_L1 || program == "podman"_L1)
            return containerName(words, i + 1);
    }
    return {};
}

QString elideMiddle(const QString &text, qsizetype maxLength)
{
    if (text.size() <= maxLength || maxLength < 3)
        return text;
    const qsizetype head = (maxLength - 1) / 2;
    const qsizetype tail = maxLength - 1 - head;
    return text.left(head) + u'…' + text.right(tail);
}

} // namespace ferry::ui
