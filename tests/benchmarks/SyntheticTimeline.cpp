#include "tests/benchmarks/SyntheticTimeline.h"

#include <QByteArray>
#include <QDate>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// splitmix64: tiny, fast and identical everywhere.
class Rng {
public:
    explicit Rng(quint64 seed)
        : m_state(seed) {}
    quint64 next() {
        quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    int below(int n) { return int(uniform() * n); }
    bool chance(double p) { return uniform() < p; }

private:
    quint64 m_state;
};

const char *const Actors[] = {"US Commerce/BIS",
                              "Nvidia",
                              "Huawei",
                              "AMD",
                              "SMIC",
                              "TSMC",
                              "ASML",
                              "China MOFCOM",
                              "White House",
                              "US Congress",
                              "Tokyo Electron",
                              "Samsung",
                              "SK Hynix",
                              "Alibaba",
                              "Baidu",
                              "Tencent",
                              "ByteDance",
                              "DeepSeek",
                              "Cambricon",
                              "Intel",
                              "Micron",
                              "Applied Materials",
                              "Lam Research",
                              "Dutch government",
                              "Japan METI",
                              "South Korea MOTIE",
                              "SAMR",
                              "Singapore police",
                              "Malaysia MITI",
                              "UAE G42",
                              "Saudi Humain",
                              "Microsoft",
                              "Google",
                              "Oracle",
                              "Supermicro",
                              "Dell",
                              "Moore Threads",
                              "Biren",
                              "Hygon",
                              "Zhipu AI"};
const char *const Chips[] = {"H20",         "H100",        "A100",       "H800",      "A800",
                             "B200",        "B30A",        "MI308",      "RTX 4090",  "L20",
                             "Ascend 910B", "Ascend 910C", "Ascend 920", "HBM3",      "HBM2e",
                             "Gaudi 3",     "Kunlun P800", "MTT S4000",  "EUV tools", "DUV tools"};
const char *const Verbs[] = {"announces", "tightens",   "eases",     "reports on", "confirms",
                             "denies",    "delays",     "expands",   "suspends",   "investigates",
                             "approves",  "challenges", "restricts", "resumes",    "discloses"};
const char *const Objects[] = {"license requirement for",
                               "shipments of",
                               "export controls on",
                               "sales of",
                               "supply agreement for",
                               "entity listing over",
                               "revenue-share deal on",
                               "probe into",
                               "stockpiling of",
                               "smuggling ring moving",
                               "cloud access to",
                               "domestic substitute for",
                               "guidance for",
                               "tariff exemption on",
                               "inventory write-down of"};
const char *const Tails[] = {"to China",         "after review",    "in Q3 filing",
                             "citing security",  "from 2026",       "for data centres",
                             "via Singapore",    "amid talks",      "under new rule",
                             "following report", "for cloud firms", "to the Middle East"};

struct NewsDay {
    qint64 day;
    double weight; // cumulative
    int category;  // the story's main category
};

std::vector<NewsDay> newsDays(Rng &rng, qint64 from, qint64 to) {
    std::vector<NewsDay> days(300);
    double total = 0;
    for (NewsDay &d : days) {
        // Coverage grows over the years: sample with a bias towards later dates.
        const double u = std::pow(rng.uniform(), 0.7);
        d.day = from + qint64(u * double(to - from));
        d.category = rng.below(8);
        total += 0.2 + std::pow(rng.uniform(), 3.0) * 5.0; // a few days are huge stories
        d.weight = total;
    }
    for (NewsDay &d : days)
        d.weight /= total;
    return days;
}

struct Generated {
    qint64 id;
    QByteArray title;
    qint64 first;
    qint64 last;
    DatePrecision precision;
    bool isRange;
    int category;
    EventStatus status;
    int importance;
    int sources;
    bool address;
    int actors[3];
    int actorCount;
    int chips[2];
    int chipCount;
};

class Generator {
public:
    explicit Generator(quint64 seed)
        : m_rng(seed) {
        m_from = QDate(2015, 1, 1).toJulianDay();
        m_to = QDate(2026, 12, 31).toJulianDay();
        m_days = newsDays(m_rng, m_from, m_to);
    }

    void next(qint64 id, Generated &g) {
        Rng &r = m_rng;
        g.id = id;
        qint64 day;
        int category;
        if (r.chance(0.85)) {
            const double u = r.uniform();
            const auto it =
                std::lower_bound(m_days.begin(), m_days.end(), u,
                                 [](const NewsDay &d, double v) { return d.weight < v; });
            const NewsDay &nd = it == m_days.end() ? m_days.back() : *it;
            // Follow-up coverage trails the news day: mostly the same day or the next few.
            day = nd.day + qint64(-std::log(1.0 - r.uniform() * 0.999) * 2.5);
            category = r.chance(0.7) ? nd.category : r.below(8);
        } else {
            day = m_from + qint64(r.uniform() * double(m_to - m_from));
            category = r.below(8);
        }
        day = std::min(day, m_to);
        const QDate date = QDate::fromJulianDay(day);
        const double p = r.uniform();
        g.isRange = r.chance(0.07);
        if (p < 0.80) {
            g.precision = DatePrecision::Day;
            g.first = g.last = day;
        } else if (p < 0.95) {
            g.precision = DatePrecision::Month;
            g.first = QDate(date.year(), date.month(), 1).toJulianDay();
            g.last = QDate(date.year(), date.month(), 1).addMonths(1).toJulianDay() - 1;
        } else {
            g.precision = DatePrecision::Year;
            g.first = QDate(date.year(), 1, 1).toJulianDay();
            g.last = QDate(date.year(), 12, 31).toJulianDay();
        }
        if (g.isRange) // 1 week .. 2 years, log-uniform
            g.last = g.first + qint64(std::exp(std::log(7.0) + r.uniform() * std::log(100.0)));
        g.category = category;
        const double s = r.uniform();
        g.status = s < 0.75 ? EventStatus::Confirmed
                            : (s < 0.93 ? EventStatus::Reported : EventStatus::Disputed);
        const double imp = r.uniform();
        g.importance = imp < 0.55 ? 1 : (imp < 0.88 ? 2 : 3);
        g.sources = r.chance(0.06) ? 0 : 1 + r.below(5);
        g.address = g.sources > 0 && r.chance(0.9);
        g.actorCount = 1 + r.below(3);
        for (int k = 0; k < g.actorCount; ++k)
            g.actors[k] = int(std::pow(r.uniform(), 1.6) * std::size(Actors));
        std::sort(g.actors, g.actors + g.actorCount);
        g.actorCount = int(std::unique(g.actors, g.actors + g.actorCount) - g.actors);
        g.chipCount = r.below(3);
        for (int k = 0; k < g.chipCount; ++k)
            g.chips[k] = int(std::pow(r.uniform(), 1.4) * std::size(Chips));
        if (g.chipCount == 2 && g.chips[0] == g.chips[1])
            g.chipCount = 1;

        // Title: "<Actor> <verb> <object> <chip> <tail>", 20..90 characters.
        QByteArray &t = g.title;
        t.clear();
        t += Actors[g.actors[0]];
        t += ' ';
        t += Verbs[r.below(int(std::size(Verbs)))];
        t += ' ';
        t += Objects[r.below(int(std::size(Objects)))];
        t += ' ';
        t += g.chipCount > 0 ? Chips[g.chips[0]] : "advanced GPUs";
        if (r.chance(0.6)) {
            t += ' ';
            t += Tails[r.below(int(std::size(Tails)))];
        }
        if (t.size() > 90) {
            t.truncate(90);
            while (t.endsWith(' '))
                t.chop(1);
        }
        while (t.size() < 20)
            t += " (update)";
    }

    static const char *actorName(int i) { return Actors[i]; }
    static const char *chipName(int i) { return Chips[i]; }

private:
    Rng m_rng;
    qint64 m_from;
    qint64 m_to;
    std::vector<NewsDay> m_days;
};

} // namespace

QList<Category> SyntheticTimeline::categories() {
    const struct {
        const char16_t *name;
        const char16_t *label;
        QRgb color;
    } defs[] = {
        {u"us-export-control", u"US export controls", 0x3a6ea5},
        {u"us-policy-deal", u"US policy & deals", 0x6a8fc7},
        {u"china-policy", u"China policy", 0xc0504d},
        {u"industry", u"Industry", 0x4e9a6a},
        {u"model-release", u"Models & research", 0x8a6bb0},
        {u"allied-controls", u"Allied controls", 0xd08b38},
        {u"enforcement", u"Smuggling & enforcement", 0x8c6d57},
        {u"legislation", u"Legislation", 0x3f9a9e},
    };
    QList<Category> result;
    int order = 0;
    for (const auto &d : defs) {
        Category c;
        c.id = order + 1;
        c.name = QString::fromUtf16(d.name);
        c.label = QString::fromUtf16(d.label);
        c.color = QColor::fromRgb(d.color);
        c.order = order++;
        result.append(c);
    }
    return result;
}

TimelineData SyntheticTimeline::generate(qsizetype count, quint64 seed) {
    TimelineDataBuilder builder;
    builder.reserve(count, count * 56);
    builder.setCategories(categories());
    QStringList actors;
    for (const char *a : Actors)
        actors.append(QString::fromUtf8(a));
    QStringList chips;
    for (const char *c : Chips)
        chips.append(QString::fromUtf8(c));
    builder.setActorNames(actors);
    builder.setChipNames(chips);

    Generator gen(seed);
    Generated g{};
    TimelineRow row;
    for (qsizetype i = 0; i < count; ++i) {
        gen.next(i + 1, g);
        row.id = g.id;
        row.firstDay = g.first;
        row.lastDay = g.last;
        row.precision = g.precision;
        row.isRange = g.isRange;
        row.category = g.category;
        row.status = g.status;
        row.importance = g.importance;
        row.sourceCount = g.sources;
        row.anySourceHasAddress = g.address;
        row.actors.resize(g.actorCount);
        for (int k = 0; k < g.actorCount; ++k)
            row.actors[k] = g.actors[k];
        row.chips.resize(g.chipCount);
        for (int k = 0; k < g.chipCount; ++k)
            row.chips[k] = g.chips[k];
        builder.add(row, g.title);
    }
    return std::move(builder).build();
}

QList<Event> SyntheticTimeline::generateEvents(qsizetype count, quint64 seed) {
    const QList<Category> cats = categories();
    Generator gen(seed);
    Generated g{};
    QList<Event> events;
    events.reserve(count);
    for (qsizetype i = 0; i < count; ++i) {
        gen.next(i + 1, g);
        Event e;
        e.id = g.id;
        e.uid = u"synthetic-%1"_s.arg(g.id);
        e.title = QString::fromUtf8(g.title);
        const QDate first = QDate::fromJulianDay(g.first);
        e.start = PartialDate::fromDate(first, g.precision);
        if (g.isRange)
            e.end = PartialDate::fromDate(QDate::fromJulianDay(g.last), DatePrecision::Day);
        e.category = cats[g.category].name;
        e.status = g.status;
        e.importance = g.importance;
        for (int k = 0; k < g.actorCount; ++k)
            e.actors.append(QString::fromUtf8(Generator::actorName(g.actors[k])));
        for (int k = 0; k < g.chipCount; ++k)
            e.chips.append(QString::fromUtf8(Generator::chipName(g.chips[k])));
        for (int k = 0; k < g.sources; ++k)
            e.citations.append({u"source-%1-%2"_s.arg(g.id).arg(k), {}, {}});
        events.append(e);
    }
    return events;
}

QList<Event> SyntheticTimeline::handMadeEvents() {
    struct Def {
        const char16_t *start;
        const char16_t *end;
        const char16_t *title;
        const char16_t *category;
        EventStatus status;
        int importance;
        int sources;
        const char16_t *actors;
        const char16_t *chips;
    };
    const Def defs[] = {
        {u"2022-08-31", u"", u"Nvidia discloses US license requirement for A100/H100",
         u"us-export-control", EventStatus::Confirmed, 2, 1, u"Nvidia;US Commerce/BIS",
         u"A100;H100"},
        {u"2022-10-07", u"", u"BIS advanced computing and chip-manufacturing rules",
         u"us-export-control", EventStatus::Confirmed, 3, 2, u"US Commerce/BIS", u"A100"},
        {u"2022-11-07", u"", u"Nvidia confirms A800 for China", u"industry", EventStatus::Confirmed,
         1, 1, u"Nvidia", u"A800"},
        {u"2023-03-21", u"", u"Nvidia H800 for China reported", u"industry", EventStatus::Reported,
         1, 1, u"Nvidia", u"H800"},
        {u"2023-07-03", u"", u"China announces gallium and germanium export licensing",
         u"china-policy", EventStatus::Confirmed, 2, 1, u"China MOFCOM", u""},
        {u"2023-10-17", u"", u"BIS update closes loopholes; A800, H800, L40S need licenses",
         u"us-export-control", EventStatus::Confirmed, 3, 2, u"US Commerce/BIS;Nvidia",
         u"A800;H800"},
        {u"2024-02", u"", u"H20 orders open", u"industry", EventStatus::Confirmed, 2, 2, u"Nvidia",
         u"H20"},
        {u"2024-04", u"2024-09", u"H20 shipments ramp in China", u"industry", EventStatus::Reported,
         1, 1, u"Nvidia", u"H20"},
        {u"2024-12-02", u"", u"BIS HBM and equipment rule", u"us-export-control",
         EventStatus::Confirmed, 3, 1, u"US Commerce/BIS", u"HBM3"},
        {u"2024-12-03", u"", u"China bans gallium, germanium, antimony exports to the US",
         u"china-policy", EventStatus::Confirmed, 2, 1, u"China MOFCOM", u""},
        {u"2024-12-09", u"", u"SAMR opens antitrust probe of Nvidia", u"china-policy",
         EventStatus::Confirmed, 2, 1, u"SAMR;Nvidia", u""},
        {u"2025-01-13", u"", u"AI Diffusion Rule issued", u"us-export-control",
         EventStatus::Confirmed, 3, 1, u"US Commerce/BIS;White House", u""},
        {u"2025-01-20", u"", u"DeepSeek-R1 released", u"model-release", EventStatus::Confirmed, 3,
         1, u"DeepSeek", u""},
        {u"2025-01-27", u"", u"Nvidia loses about $589B in market value in one day", u"industry",
         EventStatus::Confirmed, 2, 1, u"Nvidia", u"H800"},
        {u"2025-04-15", u"", u"H20 license requirement disclosed", u"us-export-control",
         EventStatus::Confirmed, 3, 2, u"US Commerce/BIS;Nvidia;AMD", u"H20;MI308"},
        {u"2025-04", u"", u"Huawei readies Ascend 910C mass shipments", u"industry",
         EventStatus::Reported, 2, 1, u"Huawei", u"Ascend 910C"},
        {u"2025-05-13", u"", u"AI Diffusion Rule rescinded", u"us-export-control",
         EventStatus::Confirmed, 2, 1, u"US Commerce/BIS", u""},
        {u"2025-06", u"", u"DeepSeek R2 delayed after Ascend training runs fail", u"model-release",
         EventStatus::Disputed, 2, 1, u"DeepSeek;Huawei", u"Ascend 910C"},
        {u"2025-07-14", u"", u"Nvidia says H20 licenses will be granted", u"us-policy-deal",
         EventStatus::Confirmed, 2, 1, u"Nvidia;White House", u"H20"},
        {u"2025-08-11", u"", u"15% revenue-share deal for H20 and MI308 sales", u"us-policy-deal",
         EventStatus::Confirmed, 3, 2, u"White House;Nvidia;AMD", u"H20;MI308"},
        {u"2025-08-12", u"", u"Beijing urges firms to avoid H20", u"china-policy",
         EventStatus::Reported, 2, 0, u"China MOFCOM", u"H20"},
        {u"2025-09-15", u"", u"SAMR: Nvidia violated antimonopoly law (preliminary)",
         u"china-policy", EventStatus::Confirmed, 2, 1, u"SAMR;Nvidia", u""},
        {u"2025-09", u"2025-12", u"Chip smuggling cases through Southeast Asia", u"enforcement",
         EventStatus::Reported, 1, 0, u"Singapore police", u"H100"},
        {u"2025", u"", u"Allied equipment controls tightened (year)", u"allied-controls",
         EventStatus::Confirmed, 1, 1, u"Dutch government;Japan METI", u"EUV tools"},
        {u"2024-05-01", u"2024-11-30", u"Chip Security Act drafted and debated", u"legislation",
         EventStatus::Confirmed, 1, 1, u"US Congress", u""},
        {u"2025-10-01", u"", u"", u"legislation", EventStatus::Confirmed, 1, 1, u"US Congress",
         u""},
    };
    QList<Event> events;
    qint64 id = 1001;
    for (const Def &d : defs) {
        Event e;
        e.id = id++;
        e.uid = u"hand-%1"_s.arg(e.id);
        e.title = QString::fromUtf16(d.title);
        e.start = *PartialDate::parseIso(QString::fromUtf16(d.start));
        if (const QString end = QString::fromUtf16(d.end); !end.isEmpty())
            e.end = *PartialDate::parseIso(end);
        e.category = QString::fromUtf16(d.category);
        e.status = d.status;
        e.importance = d.importance;
        for (const QString &a : QString::fromUtf16(d.actors).split(u';', Qt::SkipEmptyParts))
            e.actors.append(a);
        for (const QString &c : QString::fromUtf16(d.chips).split(u';', Qt::SkipEmptyParts))
            e.chips.append(c);
        for (int k = 0; k < d.sources; ++k)
            e.citations.append({u"src-%1-%2"_s.arg(e.id).arg(k), {}, {}});
        events.append(e);
    }
    return events;
}
