#include "model/TimelineData.h"

#include "model/Event.h"

#include <QHash>

#include <algorithm>
#include <limits>
#include <numeric>

namespace {

qint64 clampDay(qint64 day) {
    return std::clamp(day, TimelineData::FirstSupportedDay, TimelineData::LastSupportedDay);
}

// Whether a rule ended on `end` is drawn to that day: after its first day and, for a range,
// before its last (a range replaced after it ran out is drawn as dated).
bool endsForce(qint64 end, qint64 first, qint64 last, bool isRange) {
    return end > first && (!isRange || end < last);
}

} // namespace

// Appends row `i` of `in` to `out` (whose offset columns already hold their leading 0).
void TimelineData::appendRow(Storage &out, const Storage &in, quint32 i) {
    out.ids.push_back(in.ids[i]);
    out.firstDays.push_back(in.firstDays[i]);
    out.lastDays.push_back(in.lastDays[i]);
    out.flags.push_back(in.flags[i]);
    out.categoryIdx.push_back(in.categoryIdx[i]);
    out.sourceCounts.push_back(in.sourceCounts[i]);
    out.titles.append(in.titles.constData() + in.titleOffsets[i],
                      qsizetype(in.titleOffsets[i + 1] - in.titleOffsets[i]));
    out.titleOffsets.push_back(quint32(out.titles.size()));
    out.actorIdx.insert(out.actorIdx.end(), in.actorIdx.begin() + in.actorOffsets[i],
                        in.actorIdx.begin() + in.actorOffsets[i + 1]);
    out.actorOffsets.push_back(quint32(out.actorIdx.size()));
    out.chipIdx.insert(out.chipIdx.end(), in.chipIdx.begin() + in.chipOffsets[i],
                       in.chipIdx.begin() + in.chipOffsets[i + 1]);
    out.chipOffsets.push_back(quint32(out.chipIdx.size()));
    out.minDay =
        out.ids.size() == 1 ? in.firstDays[i] : std::min<qint64>(out.minDay, in.firstDays[i]);
    const bool forceEnded = in.flags[i] & ForceEndedFlag;
    out.maxDay = std::max<qint64>(out.maxDay,
                                  forceEnded ? in.forceEndDays.value(in.ids[i]) : in.lastDays[i]);
}

// Reserves room for `n` rows and puts the leading 0 into the offset columns.
void TimelineData::startColumns(Storage &out, size_t n) {
    out.ids.reserve(n);
    out.firstDays.reserve(n);
    out.lastDays.reserve(n);
    out.flags.reserve(n);
    out.categoryIdx.reserve(n);
    out.sourceCounts.reserve(n);
    out.titleOffsets.reserve(n + 1);
    out.actorOffsets.reserve(n + 1);
    out.chipOffsets.reserve(n + 1);
    out.titleOffsets.assign(1, 0);
    out.actorOffsets.assign(1, 0);
    out.chipOffsets.assign(1, 0);
    out.minDay = 0;
    out.maxDay = 0;
}

// Builds the id → index lookup of a finished storage.
void TimelineData::indexIds(Storage &out) {
    const size_t n = out.ids.size();
    out.sortedIdIndex.resize(n);
    std::iota(out.sortedIdIndex.begin(), out.sortedIdIndex.end(), 0u);
    std::sort(out.sortedIdIndex.begin(), out.sortedIdIndex.end(),
              [&](quint32 a, quint32 b) { return out.ids[a] < out.ids[b]; });
    out.sortedIds.resize(n);
    for (size_t k = 0; k < n; ++k)
        out.sortedIds[k] = out.ids[out.sortedIdIndex[k]];
}

struct TimelineDataBuilder::Private {
    TimelineData::Storage s; // unsorted while building
    QHash<QString, int> categoryByName;
    QHash<QString, int> actorByName;
    QHash<QString, int> chipByName;
    QHash<qint64, qint64> forceEndDays; // setForceEndDays
};

TimelineData::TimelineData() {
    static const std::shared_ptr<const Storage> empty = [] {
        auto s = std::make_shared<Storage>();
        s->titleOffsets.push_back(0);
        s->actorOffsets.push_back(0);
        s->chipOffsets.push_back(0);
        return s;
    }();
    d = empty;
}

QByteArrayView TimelineData::titleUtf8(qsizetype i) const {
    const quint32 from = d->titleOffsets[size_t(i)];
    const quint32 to = d->titleOffsets[size_t(i) + 1];
    return QByteArrayView(d->titles.constData() + from, qsizetype(to - from));
}

QString TimelineData::title(qsizetype i) const {
    return QString::fromUtf8(titleUtf8(i));
}

std::span<const quint32> TimelineData::actors(qsizetype i) const {
    const quint32 from = d->actorOffsets[size_t(i)];
    const quint32 to = d->actorOffsets[size_t(i) + 1];
    return {d->actorIdx.data() + from, size_t(to - from)};
}

std::span<const quint32> TimelineData::chips(qsizetype i) const {
    const quint32 from = d->chipOffsets[size_t(i)];
    const quint32 to = d->chipOffsets[size_t(i) + 1];
    return {d->chipIdx.data() + from, size_t(to - from)};
}

qint32 TimelineData::forceEndDay(qsizetype i) const {
    return isForceEnded(i) ? d->forceEndDays.value(id(i)) : 0;
}

TimelineRow TimelineData::row(qsizetype i) const {
    TimelineRow row;
    row.id = id(i);
    row.firstDay = firstDay(i);
    row.lastDay = lastDay(i);
    row.precision = precision(i);
    row.isRange = isRange(i);
    row.category = category(i);
    row.status = status(i);
    row.importance = importance(i);
    row.sourceCount = isUnsourced(i) ? 0 : std::max(1, sourceCount(i));
    row.anySourceHasAddress = !isUnsourced(i) && !hasNoSourceAddress(i);
    for (const quint32 a : actors(i))
        row.actors << int(a);
    for (const quint32 c : chips(i))
        row.chips << int(c);
    row.forceEndDay = forceEndDay(i);
    return row;
}

qsizetype TimelineData::indexOfId(qint64 id) const {
    const auto it = std::lower_bound(d->sortedIds.begin(), d->sortedIds.end(), id);
    if (it == d->sortedIds.end() || *it != id)
        return -1;
    return qsizetype(d->sortedIdIndex[size_t(it - d->sortedIds.begin())]);
}

TimelineData TimelineData::subset(std::span<const quint32> indices) const {
    if (indices.size() == d->ids.size())
        return *this; // every event: share the columns
    auto out = std::make_shared<Storage>();
    out->categories = d->categories;
    out->actorNames = d->actorNames;
    out->chipNames = d->chipNames;
    out->forceEndDays = d->forceEndDays; // shared; looked up only for the flagged rows
    startColumns(*out, indices.size());
    for (const quint32 i : indices)
        appendRow(*out, *d, i);
    indexIds(*out);
    TimelineData data;
    data.d = std::move(out);
    return data;
}

TimelineData TimelineData::inLanguage(const QHash<qint64, QString> &titles,
                                      const QString &language) const {
    auto out = std::make_shared<Storage>(*d);
    for (Category &category : out->categories)
        category.label = DataTranslations::label(category, language);
    if (!titles.isEmpty()) {
        QByteArray texts;
        texts.reserve(d->titles.size());
        for (size_t i = 0; i < d->ids.size(); ++i) {
            out->titleOffsets[i] = quint32(texts.size());
            const auto title = titles.constFind(d->ids[i]);
            if (title != titles.cend())
                texts.append(title->toUtf8());
            else
                texts.append(titleUtf8(qsizetype(i)));
        }
        out->titleOffsets[d->ids.size()] = quint32(texts.size());
        out->titles = std::move(texts);
    }
    TimelineData data;
    data.d = std::move(out);
    return data;
}

qint64 TimelineData::memoryBytes() const {
    const auto bytes = [](const auto &v) {
        return qint64(v.capacity() * sizeof(v[0]));
    };
    return bytes(d->ids) + bytes(d->firstDays) + bytes(d->lastDays) + bytes(d->titleOffsets) +
           d->titles.capacity() + bytes(d->flags) + bytes(d->categoryIdx) + bytes(d->sourceCounts) +
           bytes(d->actorOffsets) + bytes(d->actorIdx) + bytes(d->chipOffsets) + bytes(d->chipIdx) +
           bytes(d->sortedIds) + bytes(d->sortedIdIndex) +
           d->forceEndDays.capacity() * qint64(sizeof(qint64) + sizeof(qint32));
}

TimelineData
TimelineData::fromEvents(const QList<Event> &events, const QList<Category> &categories,
                         const std::function<bool(const QString &)> &sourceHasAddress) {
    TimelineDataBuilder builder;
    builder.reserve(events.size());
    builder.setCategories(categories);
    for (const Event &e : events) {
        TimelineRow row;
        row.id = e.id;
        row.title = e.title;
        row.firstDay = e.firstJulianDay();
        row.lastDay = e.lastJulianDay();
        if (e.isRange()) {
            row.firstDay = std::min(row.firstDay, e.end.firstJulianDay());
            row.lastDay = std::max(row.lastDay, e.start.lastJulianDay());
        }
        row.precision = e.start.isValid() ? e.start.precision() : DatePrecision::Day;
        row.isRange = e.isRange();
        row.category = builder.categoryIndex(e.category);
        row.status = e.status;
        row.importance = e.importance;
        row.sourceCount = int(e.citations.size());
        for (const Citation &c : e.citations) {
            if (sourceHasAddress && sourceHasAddress(c.sourceUid)) {
                row.anySourceHasAddress = true;
                break;
            }
        }
        for (const QString &a : e.actors)
            row.actors.append(builder.actorIndex(a));
        for (const QString &c : e.chips)
            row.chips.append(builder.chipIndex(c));
        builder.add(row);
    }
    return std::move(builder).build();
}

TimelineData TimelineData::fromEvents(const QList<Event> &events, const QList<Category> &categories,
                                      const QSet<QString> &sourceUidsWithAddress) {
    return fromEvents(events, categories,
                      [&](const QString &uid) { return sourceUidsWithAddress.contains(uid); });
}

TimelineDataBuilder::TimelineDataBuilder()
    : p(std::make_unique<Private>()) {
    p->s.titleOffsets.push_back(0);
    p->s.actorOffsets.push_back(0);
    p->s.chipOffsets.push_back(0);
}

TimelineDataBuilder::~TimelineDataBuilder() = default;

void TimelineDataBuilder::reserve(qsizetype events, qsizetype titleBytes) {
    auto &s = p->s;
    const auto n = size_t(events);
    s.ids.reserve(n);
    s.firstDays.reserve(n);
    s.lastDays.reserve(n);
    s.titleOffsets.reserve(n + 1);
    s.flags.reserve(n);
    s.categoryIdx.reserve(n);
    s.sourceCounts.reserve(n);
    s.actorOffsets.reserve(n + 1);
    s.chipOffsets.reserve(n + 1);
    if (titleBytes > 0)
        s.titles.reserve(titleBytes);
}

void TimelineDataBuilder::setCategories(const QList<Category> &categories) {
    p->s.categories = categories;
    p->categoryByName.clear();
    for (int i = 0; i < categories.size(); ++i)
        p->categoryByName.insert(categories[i].name, i);
}

int TimelineDataBuilder::categoryIndex(const QString &name) const {
    return p->categoryByName.value(name, -1);
}

int TimelineDataBuilder::actorIndex(const QString &name) {
    const auto it = p->actorByName.constFind(name);
    if (it != p->actorByName.constEnd())
        return *it;
    const int index = int(p->s.actorNames.size());
    p->s.actorNames.append(name);
    p->actorByName.insert(name, index);
    return index;
}

int TimelineDataBuilder::chipIndex(const QString &name) {
    const auto it = p->chipByName.constFind(name);
    if (it != p->chipByName.constEnd())
        return *it;
    const int index = int(p->s.chipNames.size());
    p->s.chipNames.append(name);
    p->chipByName.insert(name, index);
    return index;
}

void TimelineDataBuilder::setActorNames(const QStringList &names) {
    p->s.actorNames = names;
    p->actorByName.clear();
    for (int i = 0; i < names.size(); ++i)
        p->actorByName.insert(names[i], i);
}

void TimelineDataBuilder::setChipNames(const QStringList &names) {
    p->s.chipNames = names;
    p->chipByName.clear();
    for (int i = 0; i < names.size(); ++i)
        p->chipByName.insert(names[i], i);
}

void TimelineDataBuilder::add(const TimelineRow &row) {
    add(row, row.title.toUtf8());
}

void TimelineDataBuilder::add(const TimelineRow &row, QByteArrayView titleUtf8) {
    auto &s = p->s;
    if (row.firstDay == 0) {
        ++s.dropped;
        return;
    }
    qint64 first = clampDay(row.firstDay);
    qint64 last = row.lastDay == 0 ? first : clampDay(row.lastDay);
    if (last < first) // an end before the start: the span between the two dates
        std::swap(first, last);

    s.ids.push_back(row.id);
    s.firstDays.push_back(qint32(first));
    s.lastDays.push_back(qint32(last));
    s.titles.append(titleUtf8);
    s.titleOffsets.push_back(quint32(s.titles.size()));

    const int precision = std::clamp(int(row.precision), 1, 3);
    const int importance = std::clamp(row.importance, 1, 3);
    quint16 flags = quint16(precision);
    if (row.isRange)
        flags |= TimelineData::RangeFlag;
    flags |= quint16((int(row.status) & 0x3) << TimelineData::StatusShift);
    flags |= quint16(importance << TimelineData::ImportanceShift);
    if (row.sourceCount <= 0)
        flags |= TimelineData::UnsourcedFlag;
    else if (!row.anySourceHasAddress)
        flags |= TimelineData::NoAddressFlag;
    if (endsForce(row.forceEndDay, first, last, row.isRange)) {
        flags |= TimelineData::ForceEndedFlag;
        s.forceEndDays.insert(row.id, qint32(clampDay(row.forceEndDay)));
    }
    s.flags.push_back(flags);

    const int category =
        row.category >= 0 && row.category < s.categories.size() ? row.category : -1;
    s.categoryIdx.push_back(quint16(category + 1));
    s.sourceCounts.push_back(quint16(std::clamp(row.sourceCount, 0, 65535)));

    // An event's actors and chips in the order of the name tables, whatever order the reader
    // met them in (a store's link rows come by name id; a dataset's in the event's own order):
    // every reader of the same timeline gives the same row, and the same figure digest.
    const auto appendSorted = [](std::vector<quint32> &out, const QList<int> &indices,
                                 qsizetype names) {
        const auto from = out.size();
        for (int i : indices) {
            if (i >= 0 && i < names)
                out.push_back(quint32(i));
        }
        std::sort(out.begin() + std::ptrdiff_t(from), out.end());
    };
    appendSorted(s.actorIdx, row.actors, s.actorNames.size());
    s.actorOffsets.push_back(quint32(s.actorIdx.size()));
    appendSorted(s.chipIdx, row.chips, s.chipNames.size());
    s.chipOffsets.push_back(quint32(s.chipIdx.size()));
}

void TimelineDataBuilder::setForceEndDays(const QHash<qint64, qint64> &days) {
    p->forceEndDays = days;
}

TimelineData TimelineDataBuilder::build() && {
    TimelineData::Storage &in = p->s;
    const size_t n = in.ids.size();
    if (!p->forceEndDays.isEmpty()) {
        for (size_t i = 0; i < n; ++i) {
            const auto end = p->forceEndDays.constFind(in.ids[i]);
            if (end == p->forceEndDays.cend() || !endsForce(*end, in.firstDays[i], in.lastDays[i],
                                                            in.flags[i] & TimelineData::RangeFlag))
                continue;
            in.flags[i] |= TimelineData::ForceEndedFlag;
            in.forceEndDays.insert(in.ids[i], qint32(clampDay(*end)));
        }
    }
    std::vector<quint32> order(n);
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](quint32 a, quint32 b) {
        if (in.firstDays[a] != in.firstDays[b])
            return in.firstDays[a] < in.firstDays[b];
        return in.ids[a] < in.ids[b];
    });

    auto out = std::make_shared<TimelineData::Storage>();
    out->categories = in.categories;
    out->actorNames = in.actorNames;
    out->chipNames = in.chipNames;
    out->dropped = in.dropped;
    out->forceEndDays = in.forceEndDays;
    TimelineData::startColumns(*out, n);
    out->titles.reserve(in.titles.size());
    out->actorIdx.reserve(in.actorIdx.size());
    out->chipIdx.reserve(in.chipIdx.size());
    for (size_t k = 0; k < n; ++k)
        TimelineData::appendRow(*out, in, order[k]);
    // Free the unsorted columns before building the id index, to keep the peak low.
    in = TimelineData::Storage();
    TimelineData::indexIds(*out);
    TimelineData data;
    data.d = std::move(out);
    return data;
}
