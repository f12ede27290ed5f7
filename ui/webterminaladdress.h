// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include <optional>

namespace ferry::ui {

/// A web terminal's address as the user gives it, read into the URL a
/// Session opens (wetty+ws(s)://, jupyter+http(s)://) and, for a Jupyter
/// server, the token its page address may carry. What a browser's address
/// bar shows is accepted as it is: the token goes into its own field and
/// never stays in the URL, which is what sites and recent connections keep.
struct WebTerminalAddress {
    Q_DECLARE_TR_FUNCTIONS(ferry::ui::WebTerminalAddress)

public:
    enum class Type { Wetty, Jupyter };

    /// Reads @p text as typed or pasted, for a terminal of @p type: a page
    /// address (http:// or https://, for WeTTY also ws:// or wss://; with
    /// no scheme, http://) or a full wetty+ or jupyter+ URL, which names its
    /// type itself, as does a "token" in the query (only Jupyter has one).
    /// A Jupyter page (/lab, /tree, /notebooks/..., /terminals/N, ...) leads
    /// to the server's base, keeping JupyterHub's /user/NAME/; WeTTY's
    /// /ssh/USER leads to WeTTY's base. Query and fragment are dropped.
    static Expected<WebTerminalAddress> parse(const QString &text, Type type);
    /// The type @p url is of; nothing when it is no web terminal's.
    static std::optional<Type> typeOf(const QUrl &url);
    /// The product's name: "WeTTY", "Jupyter".
    static QString typeName(Type type);
    /// @p url as a browser shows the terminal's page: http(s)://HOST:PORT/PATH.
    static QString page(const QUrl &url);
    /// "WeTTY at HOST:PORT/PATH", for the status bar and the site lists.
    static QString describe(const QUrl &url);

    QUrl url;
    Type type = Type::Wetty;
    /// The token the pasted address carried; empty when it had none.
    QByteArray token;
};

} // namespace ferry::ui
