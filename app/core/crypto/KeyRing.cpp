#include "crypto/KeyRing.h"

#include "crypto/Crypto.h"

namespace clinicdesk {
namespace {

const QByteArray kFormat = QByteArrayLiteral("clinicdesk-keyring-1");

Error invalid(const QString &why)
{
    return makeError(ErrorCode::KeyFileInvalid, why);
}

// A strict reader for the JSON a key ring is kept in: strings come back as views into the input
// (escapes are allowed only where no key is), so key text is never copied into buffers nobody
// wipes.
class Reader
{
public:
    explicit Reader(QByteArrayView text)
        : m_text(text)
    {}

    bool failed() const { return m_failed; }
    bool atEnd()
    {
        skipSpace();
        return m_at >= m_text.size();
    }
    bool take(char c)
    {
        skipSpace();
        if (m_at < m_text.size() && m_text[m_at] == c) {
            ++m_at;
            return true;
        }
        return false;
    }
    void expect(char c)
    {
        if (!take(c))
            m_failed = true;
    }
    // A string without escapes, as a view; `plain` is false when it had escapes (then the view
    // is empty and `decoded` holds it).
    QByteArrayView string(QByteArray *decoded = nullptr)
    {
        skipSpace();
        if (m_at >= m_text.size() || m_text[m_at] != '"') {
            m_failed = true;
            return {};
        }
        const qsizetype start = ++m_at;
        bool escaped = false;
        while (m_at < m_text.size() && m_text[m_at] != '"') {
            if (m_text[m_at] == '\\') {
                escaped = true;
                ++m_at;
            }
            ++m_at;
        }
        if (m_at >= m_text.size()) {
            m_failed = true;
            return {};
        }
        const QByteArrayView raw = m_text.sliced(start, m_at - start);
        ++m_at;
        if (!escaped)
            return raw;
        if (!decoded) {
            m_failed = true;
            return {};
        }
        *decoded = unescape(raw);
        return {};
    }
    qint64 integer()
    {
        skipSpace();
        const qsizetype start = m_at;
        while (m_at < m_text.size() && m_text[m_at] >= '0' && m_text[m_at] <= '9')
            ++m_at;
        bool ok = m_at > start && m_at - start <= 10;
        const qint64 value = ok ? m_text.sliced(start, m_at - start).toLongLong(&ok) : 0;
        m_failed = m_failed || !ok;
        return value;
    }
    // Skips any JSON value (fields this version does not know).
    void skipValue(int depth = 0)
    {
        skipSpace();
        if (m_at >= m_text.size() || depth > 16) {
            m_failed = true;
            return;
        }
        const char c = m_text[m_at];
        if (c == '"') {
            QByteArray ignored;
            string(&ignored);
        } else if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            ++m_at;
            if (take(close))
                return;
            do {
                if (c == '{') {
                    QByteArray ignored;
                    string(&ignored);
                    expect(':');
                }
                skipValue(depth + 1);
            } while (!m_failed && take(','));
            expect(close);
        } else {
            while (m_at < m_text.size() && QByteArrayView(",}] \t\r\n").indexOf(m_text[m_at]) < 0)
                ++m_at;
        }
    }

private:
    void skipSpace()
    {
        while (m_at < m_text.size() && (m_text[m_at] == ' ' || m_text[m_at] == '\t' ||
                                        m_text[m_at] == '\r' || m_text[m_at] == '\n'))
            ++m_at;
    }
    static QByteArray unescape(QByteArrayView raw)
    {
        QByteArray out;
        for (qsizetype i = 0; i < raw.size(); ++i) {
            char c = raw[i];
            if (c == '\\' && i + 1 < raw.size()) {
                c = raw[++i];
                c = c == 'n'   ? '\n'
                    : c == 't' ? '\t'
                    : c == 'r' ? '\r'
                    : c == 'b' ? '\b'
                    : c == 'f' ? '\f'
                               : c;
            }
            out.append(c);
        }
        return out;
    }

    QByteArrayView m_text;
    qsizetype m_at = 0;
    bool m_failed = false;
};

// 32 key bytes from their base64 text, through buffers that are all wiped.
Result<SecretBytes> decodeKey(QByteArrayView text)
{
    const SecretBytes owned(text);
    auto decoded =
        QByteArray::fromBase64Encoding(owned.bytes(), QByteArray::AbortOnBase64DecodingErrors);
    SecretBytes key(std::move(decoded.decoded));
    if (!decoded || key.size() != crypto::kKeyBytes)
        return invalid({});
    return key;
}

QByteArray quoted(const QString &text)
{
    QByteArray out = "\"";
    for (char c : text.toUtf8()) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + '"';
}

} // namespace

KeyRing KeyRing::generate()
{
    KeyRing ring;
    ring.addKey();
    return ring;
}

QByteArray KeyRing::key(quint32 id) const
{
    const auto it = m_keys.constFind(id);
    return it == m_keys.constEnd() ? QByteArray() : it->bytes();
}

quint32 KeyRing::addKey()
{
    const quint32 id = m_keys.isEmpty() ? 1 : m_keys.lastKey() + 1;
    m_keys.insert(id, SecretBytes(crypto::randomBytes(crypto::kKeyBytes)));
    m_currentId = id;
    return id;
}

void KeyRing::remove(quint32 id)
{
    if (m_keys.remove(id) == 0) // the SecretBytes wipes itself
        return;
    if (m_currentId == id)
        m_currentId = m_keys.isEmpty() ? 0 : m_keys.lastKey();
}

QByteArray KeyRing::serialize(const QStringList &stores) const
{
    QByteArray tail;
    if (!stores.isEmpty()) {
        tail = ",\"stores\":[";
        for (qsizetype i = 0; i < stores.size(); ++i)
            tail += (i ? "," : "") + quoted(stores[i]);
        tail += ']';
    }
    // Reserved up front, so the buffer holding key text is never reallocated (a reallocation
    // would leave the old one unwiped).
    QByteArray out;
    out.reserve(96 + m_keys.size() * 64 + tail.size());
    out += "{\"format\":\"" + kFormat + "\",\"current\":" + QByteArray::number(m_currentId) +
           ",\"keys\":{";
    bool first = true;
    for (auto it = m_keys.cbegin(); it != m_keys.cend(); ++it) {
        const SecretBytes text(it->bytes().toBase64());
        out += first ? "\"" : ",\"";
        out += QByteArray::number(it.key());
        out += "\":\"";
        out += text.view();
        out += '"';
        first = false;
    }
    out += '}';
    out += tail;
    out += '}';
    return out;
}

Result<KeyRing> KeyRing::parse(QByteArrayView bytes, QStringList *stores)
{
    const QByteArrayView trimmed = bytes.trimmed();
    KeyRing ring;
    if (!trimmed.startsWith('{')) {
        auto key = decodeKey(trimmed);
        if (!key)
            return invalid(QStringLiteral("the key must be 32 random bytes, base64-encoded on "
                                          "one line (e.g. openssl rand -base64 32)"));
        ring.m_keys.insert(1, std::move(key).value());
        ring.m_currentId = 1;
        return ring;
    }
    Reader reader(trimmed);
    bool formatOk = false;
    qint64 current = -1;
    QStringList named;
    reader.expect('{');
    if (!reader.take('}')) {
        do {
            QByteArray escapedName;
            const QByteArrayView view = reader.string(&escapedName);
            const QByteArrayView name = escapedName.isEmpty() ? view : QByteArrayView(escapedName);
            reader.expect(':');
            if (name == "format") {
                QByteArray escaped;
                formatOk = reader.string(&escaped) == kFormat;
            } else if (name == "current") {
                current = reader.integer();
            } else if (name == "keys") {
                reader.expect('{');
                if (!reader.take('}')) {
                    do {
                        const QByteArrayView idText = reader.string();
                        reader.expect(':');
                        const QByteArrayView keyText = reader.string();
                        if (reader.failed())
                            break;
                        bool idOk = false;
                        const quint32 id = idText.toByteArray().toUInt(&idOk);
                        auto key = decodeKey(keyText);
                        if (!idOk || id == 0 || !key)
                            return invalid(QStringLiteral("key ring entry %1 is malformed")
                                               .arg(QString::fromLatin1(idText)));
                        ring.m_keys.insert(id, std::move(key).value());
                    } while (reader.take(','));
                    reader.expect('}');
                }
            } else if (name == "stores") {
                reader.expect('[');
                if (!reader.take(']')) {
                    do {
                        QByteArray escaped;
                        const QByteArrayView id = reader.string(&escaped);
                        named << QString::fromUtf8(escaped.isEmpty() ? id
                                                                     : QByteArrayView(escaped));
                    } while (!reader.failed() && reader.take(','));
                    reader.expect(']');
                }
            } else {
                reader.skipValue();
            }
        } while (!reader.failed() && reader.take(','));
        reader.expect('}');
    }
    if (reader.failed() || !reader.atEnd() || !formatOk)
        return invalid(QStringLiteral("not a ClinicDesk key ring"));
    ring.m_currentId = quint32(current);
    if (current < 1 || !ring.m_keys.contains(ring.m_currentId))
        return invalid(QStringLiteral("key ring has no current key"));
    named.removeAll(QString());
    if (stores)
        *stores = named;
    return ring;
}

} // namespace clinicdesk
