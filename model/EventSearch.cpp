#include "model/EventSearch.h"

#include "model/SearchQuery.h"
#include "model/TimelineData.h"
#include "model/store/TimelineStore.h"

#include <QStringList>
#include <QVariant>

#include <algorithm>
#include <tuple>
#include <vector>

using namespace Qt::StringLiterals;

EventFilter EventSearch::withSearchText(EventFilter filter, QStringView userText) {
    filter.query = SearchQuery::toFtsExpression(userText);
    return filter;
}

QList<EventSearch::EventHit> EventSearch::searchEvents(const TimelineStore &store,
                                                       const QString &userText,
                                                       const EventFilter &filter, int limit,
                                                       QString *hint) {
    const QString expression = SearchQuery::toFtsExpression(userText, hint);
    if (expression.isEmpty() || limit <= 0)
        return {};
    return store.searchEvents(expression, filter, limit);
}

QList<EventSearch::EventHit> EventSearch::searchEventsAmong(const TimelineStore &store,
                                                            const QString &userText,
                                                            const TimelineData &among, int limit,
                                                            QString *hint) {
    const QString expression = SearchQuery::toFtsExpression(userText, hint);
    if (expression.isEmpty() || limit <= 0)
        return {};
    return store.searchEventsAmong(expression, among, limit);
}

int EventSearch::countEvents(const TimelineStore &store, const QString &userText,
                             const EventFilter &filter) {
    return store.countEvents(withSearchText(filter, userText).query, filter);
}

QList<EventSearch::SourceHit> EventSearch::searchSources(const TimelineStore &store,
                                                         const QString &userText, int limit,
                                                         QString *hint) {
    const QString expression = SearchQuery::toFtsExpression(userText, hint);
    if (expression.isEmpty() || limit <= 0)
        return {};
    return store.searchSources(expression, limit);
}

int EventSearch::countSources(const TimelineStore &store, const QString &userText) {
    const QString expression = SearchQuery::toFtsExpression(userText);
    if (expression.isEmpty())
        return 0;
    return store.countSources(expression);
}

QString EventSearch::toHtml(QStringView marked) {
    QString html = marked.toString().toHtmlEscaped();
    html.replace(MatchStart, u"<b>"_s);
    html.replace(MatchEnd, u"</b>"_s);
    return html;
}

QString EventSearch::toBrackets(QStringView marked) {
    QString text = marked.toString();
    text.replace(MatchStart, u'[');
    text.replace(MatchEnd, u']');
    return text;
}

QString EventSearch::toPlain(QStringView marked) {
    QString text = marked.toString();
    text.remove(MatchStart);
    text.remove(MatchEnd);
    return text;
}
