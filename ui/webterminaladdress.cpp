// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/webterminaladdress.h"

#include "core/client/webterminal.h"

#include <QRegularExpression>
#include <QStringList>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace ferry::ui {

namespace {

constexpr QLatin1StringView kWettyPrefix("wetty+");
constexpr QLatin1StringView kJupyterPrefix("jupyter+");

/// The first path segments of the pages JupyterLab, Notebook 7 and the
/// classic Notebook open under a server's base.
bool isJupyterPage(QStringView segment)
{
    static const QStringList pages{u"lab"_s, u"tree"_s, u"notebooks"_s, u"edit"_s, u"view"_s, u"terminals"_s, u"consoles"_s, u"doc"_s, u"files"_s};
    return pages.contains(segment);
}

/// The server's base of a Jupyter page's path, ending in '/'.
QString jupyterBase(const QString &path)
{
    const QStringList segments = path.split(u'/', Qt::SkipEmptyParts);
    // JupyterHub serves each user's server under /user/NAME/, whatever NAME is.
    const qsizetype first = segments.value(0) == "user"_L1 && segments.size() >= 2 ? 2 : 0;
    qsizetype end = segments.size();
    for (qsizetype i = first; i < segments.size(); ++i) {
        if (isJupyterPage(segments.at(i))) {
            end = i;
            break;
        }
    }
    const QString base = segments.mid(0, end).join(u'/');
    return base.isEmpty() ? u"/"_s : u'/' + base + u'/';
}

/// WeTTY's base of one of its page's paths: its client drops /ssh/USER
/// (the page for logging in as USER) the same way.
QString wettyBase(QString path)
{
    static const QRegularExpression sshUser(u"/ssh/[^/]+/*$"_s);
    path.remove(sshUser);
    while (path.endsWith(u'/'))
        path.chop(1);
    return path;
}

} // namespace

Expected<WebTerminalAddress> WebTerminalAddress::parse(const QString &text, Type type)
{
    const auto invalid = [](const QString &message) { return std::unexpected(Error{ErrorCode::InvalidArgument, message}); };
    QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        return invalid(type == Type::Jupyter ? tr("Enter the address of the Jupyter server, for example http://host:8888/lab.")
                                             : tr("Enter the address of WeTTY's page, for example http://host:3000/wetty."));
    }
    // As a browser does: an address without a scheme is meant for HTTP.
    if (!trimmed.contains("://"_L1))
        trimmed.prepend("http://"_L1);
    const QUrl given(trimmed, QUrl::StrictMode);
    if (!given.isValid())
        return invalid(tr("“%1” is not a valid address.").arg(text.trimmed()));

    WebTerminalAddress address;
    address.type = type;
    address.token = QUrlQuery(given).queryItemValue(u"token"_s, QUrl::FullyDecoded).toUtf8();
    QString scheme = given.scheme();
    if (scheme.startsWith(kWettyPrefix)) {
        address.type = Type::Wetty;
        scheme = scheme.mid(kWettyPrefix.size());
        if (scheme != "ws"_L1 && scheme != "wss"_L1)
            return invalid(tr("A WeTTY URL starts with wetty+ws:// or wetty+wss://."));
    } else if (scheme.startsWith(kJupyterPrefix)) {
        address.type = Type::Jupyter;
        scheme = scheme.mid(kJupyterPrefix.size());
        if (scheme != "http"_L1 && scheme != "https"_L1)
            return invalid(tr("A Jupyter URL starts with jupyter+http:// or jupyter+https://."));
    } else if (!address.token.isEmpty() && (scheme == "http"_L1 || scheme == "https"_L1)) {
        address.type = Type::Jupyter; // only Jupyter's pages carry a token
    }
    const bool web = scheme == "http"_L1 || scheme == "https"_L1;
    const bool socket = scheme == "ws"_L1 || scheme == "wss"_L1;
    if (address.type == Type::Jupyter && !web)
        return invalid(tr("A Jupyter server's address starts with http:// or https://, not %1://.").arg(scheme));
    if (address.type == Type::Wetty && !web && !socket)
        return invalid(tr("WeTTY's address starts with http://, https://, ws:// or wss://, not %1://.").arg(scheme));
    if (given.host().isEmpty())
        return invalid(tr("The address “%1” has no host name.").arg(text.trimmed()));
    if (given.port() == 0)
        return invalid(tr("Port 0 is not a valid port for a web terminal."));

    QUrl url = given.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment);
    const bool secure = scheme == "https"_L1 || scheme == "wss"_L1;
    if (address.type == Type::Jupyter) {
        url.setScheme(kJupyterPrefix + scheme);
        url.setPath(jupyterBase(url.path()));
    } else {
        url.setScheme(kWettyPrefix + (secure ? u"wss"_s : u"ws"_s));
        url.setPath(wettyBase(url.path()));
    }
    address.url = url;
    return address;
}

std::optional<WebTerminalAddress::Type> WebTerminalAddress::typeOf(const QUrl &url)
{
    if (client::isWettyUrl(url))
        return Type::Wetty;
    if (client::isJupyterUrl(url))
        return Type::Jupyter;
    return std::nullopt;
}

QString WebTerminalAddress::typeName(Type type)
{
    return type == Type::Jupyter ? u"Jupyter"_s : u"WeTTY"_s;
}

QString WebTerminalAddress::page(const QUrl &url)
{
    QUrl shown = url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment);
    const QString inner = url.scheme().section(u'+', 1);
    shown.setScheme(inner == "wss"_L1 || inner == "https"_L1 ? u"https"_s : u"http"_s);
    return shown.toDisplayString();
}

QString WebTerminalAddress::describe(const QUrl &url)
{
    QString where = url.adjusted(QUrl::RemoveUserInfo).authority() + url.path();
    while (where.endsWith(u'/'))
        where.chop(1);
    return tr("%1 at %2").arg(typeName(typeOf(url).value_or(Type::Wetty)), where);
}

} // namespace ferry::ui
