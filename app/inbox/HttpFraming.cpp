#include "HttpFraming.h"

namespace clinicdesk {
namespace {

HttpFraming::Verdict refuse(int status, const char *message)
{
    return HttpFraming::Verdict{status, QByteArray(message)};
}

bool isDigits(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 18)
        return false;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

} // namespace

HttpFraming::Verdict HttpFraming::checkHead(const QList<QPair<QByteArray, QByteArray>> &headers,
                                            int version)
{
    if (version != 10 && version != 11)
        return refuse(505, "only HTTP/1.0 and HTTP/1.1 are supported");
    int hosts = 0;
    int lengths = 0;
    int encodings = 0;
    QByteArray length;
    QByteArray encoding;
    QByteArray expect;
    for (const auto &[name, value] : headers) {
        if (name == "host") {
            ++hosts;
        } else if (name == "content-length") {
            ++lengths;
            length = value;
        } else if (name == "transfer-encoding") {
            ++encodings;
            encoding = value;
        } else if (name == "expect") {
            expect = value.trimmed().toLower();
        }
    }
    if (version == 11 ? hosts != 1 : hosts > 1)
        return refuse(400, "a request needs exactly one Host field");
    if (lengths > 1)
        return refuse(400, "repeated Content-Length");
    if (encodings > 1)
        return refuse(400, "repeated Transfer-Encoding");
    if (lengths == 1 && !isDigits(length.trimmed()))
        return refuse(400, "malformed Content-Length");
    if (encodings == 1) {
        if (lengths == 1)
            return refuse(400, "Content-Length together with Transfer-Encoding");
        if (version == 10)
            return refuse(400, "Transfer-Encoding in an HTTP/1.0 request");
        const QList<QByteArray> codings = encoding.split(',');
        int chunked = 0;
        bool unknown = false;
        for (const QByteArray &raw : codings) {
            const QByteArray coding = raw.trimmed().toLower();
            if (coding.isEmpty())
                return refuse(400, "malformed Transfer-Encoding");
            if (coding == "chunked")
                ++chunked;
            else
                unknown = true;
        }
        // The body's end is only known when chunked is the final coding, applied once.
        if (codings.last().trimmed().toLower() != "chunked" || chunked != 1)
            return refuse(400, "chunked must be the final transfer coding, applied once");
        if (unknown)
            return refuse(501, "unsupported transfer coding");
    }
    if (!expect.isEmpty() && expect != "100-continue")
        return refuse(417, "unsupported expectation");
    return {};
}

qsizetype HttpFraming::findBareLf(QByteArrayView bytes, qsizetype from)
{
    for (qsizetype i = qMax<qsizetype>(from, 0); i < bytes.size(); ++i) {
        if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r'))
            return i;
    }
    return -1;
}

} // namespace clinicdesk
