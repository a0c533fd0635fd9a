#pragma once

#include "HttpMessage.h"

#include <memory>

namespace clinicdesk {

// The connection a request came in on, as HttpServer's handler sees it (implemented by the
// server's session; nothing else implements it).
class HttpExchange
{
public:
    virtual ~HttpExchange() = default;
    // Thread-safe. Sends the answer to the request being handled; a second call, or a call after
    // the connection closed, does nothing.
    virtual void send(HttpResponse response) = 0;
    virtual bool isOpen() const = 0;
};

// A copyable handle on one request's connection, so that an answer can be sent later and from
// any thread (a webhook once its batch is committed, a long-poll once an event arrives). It keeps
// the connection's state alive, not its slot: a closed connection just drops the answer. Every
// HttpReplier must be gone before its HttpServer is destroyed.
class HttpReplier
{
public:
    HttpReplier() = default;
    explicit HttpReplier(std::shared_ptr<HttpExchange> exchange)
        : m_exchange(std::move(exchange))
    {}

    void send(HttpResponse response) const
    {
        if (m_exchange)
            m_exchange->send(std::move(response));
    }
    bool isOpen() const { return m_exchange && m_exchange->isOpen(); }
    bool operator==(const HttpReplier &other) const { return m_exchange == other.m_exchange; }

private:
    std::shared_ptr<HttpExchange> m_exchange;
};

} // namespace clinicdesk
