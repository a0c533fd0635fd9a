#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace clinicdesk {

// What went wrong, in a form callers can branch on. The message is for people: specific, and
// never carrying PHI or secret values (it may name tables, columns, ids and paths).
enum class ErrorCode
{
    KeychainUnavailable, // no Secret Service / keychain backend answered
    KeychainDenied,      // the backend refused (locked, access denied)
    KeyNotFound,         // the store exists but its data key is not in the keychain / key file
    WrongKey,            // a key was found but it does not open this store
    KeyFileInsecure,     // key file readable by others (mode other than 0600)
    KeyFileInvalid,      // key file unreadable or malformed
    DecryptFailed,       // ciphertext failed authentication (tampered, moved, truncated)
    Database,            // SQL error
    Migration,           // schema migration failed and was rolled back
    InvalidInput,        // caller passed something unusable
    NotFound,            // no such row
    Io,                  // file system error
    AccessDenied,        // the signed-in user may not do this
    Conflict,            // uniqueness or state conflict
    Integrity,           // tamper evidence: the audit chain or its anchor does not verify
    Cancelled,           // the user cancelled a long operation
};

struct Error
{
    ErrorCode code;
    QString message;
};

// A value or an Error: every fallible core API returns one of these instead of throwing.
template<typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    {}
    Result(Error error)
        : m_state(std::move(error))
    {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const Error &error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

template<> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

inline Error makeError(ErrorCode code, const QString &message)
{
    return Error{code, message};
}

} // namespace clinicdesk
