#include "model/EventStatus.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

QString eventStatusKey(EventStatus status) {
    switch (status) {
    case EventStatus::Confirmed:
        return u"confirmed"_s;
    case EventStatus::Reported:
        return u"reported"_s;
    case EventStatus::Disputed:
        return u"disputed"_s;
    }
    return u"confirmed"_s;
}

std::optional<EventStatus> eventStatusFromKey(QStringView key) {
    const QStringView k = key.trimmed();
    if (k.compare(u"confirmed", Qt::CaseInsensitive) == 0)
        return EventStatus::Confirmed;
    if (k.compare(u"reported", Qt::CaseInsensitive) == 0)
        return EventStatus::Reported;
    if (k.compare(u"disputed", Qt::CaseInsensitive) == 0)
        return EventStatus::Disputed;
    return std::nullopt;
}

QString eventStatusLabel(EventStatus status) {
    switch (status) {
    case EventStatus::Confirmed:
        return QCoreApplication::translate("EventStatus", "Confirmed");
    case EventStatus::Reported:
        return QCoreApplication::translate("EventStatus", "Reported");
    case EventStatus::Disputed:
        return QCoreApplication::translate("EventStatus", "Disputed");
    }
    return {};
}

QString eventStatusExplanation(EventStatus status) {
    switch (status) {
    case EventStatus::Confirmed:
        return QCoreApplication::translate("EventStatus",
                                           "stated officially or by several independent reports.");
    case EventStatus::Reported:
        return QCoreApplication::translate(
            "EventStatus", "one outlet or unnamed sources; not independently confirmed.");
    case EventStatus::Disputed:
        return QCoreApplication::translate("EventStatus", "contradicted by another source.");
    }
    return {};
}
