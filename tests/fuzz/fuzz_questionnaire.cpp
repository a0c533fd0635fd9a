// Hostile questionnaire files and answers: the loader must refuse or accept without crashing,
// hanging or leaking, and a loaded questionnaire must then survive any answers through
// enableWhen, validation, completion, QuestionnaireResponse and formObj.
// Input: questionnaire JSON, optionally followed by "\n--\n" and a JSON object of answers
// ({linkId: [values]}). When the questionnaire is refused the answers go to a shipped one.
#include "intake/IntakeForm.h"
#include "intake/QuestionnaireLibrary.h"
#include "provider/BelugaAdapter.h"

#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>

using namespace clinicdesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QuestionnaireLibrary library = QuestionnaireLibrary::load();
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype cut = bytes.indexOf("\n--\n");
    const QByteArray questionnaire = cut < 0 ? bytes : bytes.left(cut);
    const QByteArray answers = cut < 0 ? QByteArray() : bytes.mid(cut + 4);

    auto loaded = Questionnaire::fromJson(questionnaire, QStringLiteral("fuzz"), library.patient());
    if (!loaded && loaded.error().message.isEmpty())
        std::abort(); // a refusal always says why
    Questionnaire q = loaded ? *loaded : library.intake(QStringLiteral("weightloss"));
    if (loaded) {
        if (auto combined = Questionnaire::combine(library.patient(), *loaded))
            q = *combined;
    }
    IntakeForm form(q);
    form.applyInitialValues();
    form.setAllAnswers(QJsonDocument::fromJson(answers).object());
    for (const QString &linkId : q.linkIds()) {
        const bool enabled = form.isEnabled(linkId);
        const QString issue = form.validateItem(linkId);
        if (!enabled && !issue.isEmpty())
            std::abort(); // a hidden item is never required nor validated
    }
    const int completion = form.completion();
    if (completion < 0 || completion > 100)
        std::abort();
    (void)form.validate();
    const QJsonObject response = form.questionnaireResponse();
    const QJsonObject obj = BelugaAdapter::formObj(form.submissionView());
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (it.value().isNull() || (it.value().isString() && it.value().toString().isEmpty()))
            std::abort(); // no empty or null field is ever sent
    }
    (void)response;
    return 0;
}
