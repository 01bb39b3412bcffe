#pragma once

// RowOccupancy: one row of a lane as the layout fills it: the stretches already taken, disjoint
// and sorted, with the searches placement asks of them. Shared by the screen's lane placement
// (bounded candidates per bin) and the figure's (every event).

#include <QtGlobal>

#include <algorithm>
#include <limits>
#include <utility>
#include <vector>

struct Interval {
    double left;
    double right;
};

// std::lower_bound for a value expected near `first`: it looks at `first`, then 2, 4, 8, …
// elements on, and searches only the last step. A layout's searches move forward through
// sorted arrays of a lane, so each one reads near the last instead of from the whole array.
template <typename It, typename T>
It gallopLowerBound(It first, It last, const T &value) {
    qsizetype step = 1;
    while (first != last) {
        const It probe = first + std::min<qsizetype>(step, last - first) - 1;
        if (!(*probe < value))
            return std::lower_bound(first, probe + 1, value);
        first = probe + 1;
        step *= 2;
    }
    return last;
}

// One row of a lane: occupied stretches, disjoint and sorted.
class RowOccupancy {
public:
    // The first stretch that ends after `a`.
    [[nodiscard]] std::vector<Interval>::const_iterator firstEndingAfter(double a) const {
        return std::upper_bound(m_items.cbegin(), m_items.cend(), a,
                                [](double v, const Interval &i) { return v < i.right; });
    }
    [[nodiscard]] bool isFree(double a, double b) const {
        const auto it = firstEndingAfter(a);
        return it == m_items.cend() || it->left >= b;
    }
    // The free stretch around [a, b] (which must be free): (previous end, next start).
    [[nodiscard]] std::pair<double, double> freeAround(double a) const {
        const auto it = firstEndingAfter(a);
        const double right =
            it == m_items.cend() ? std::numeric_limits<double>::infinity() : it->left;
        const double left =
            it == m_items.cbegin() ? -std::numeric_limits<double>::infinity() : (it - 1)->right;
        return {left, right};
    }
    // Whether a free stretch at least `width` wide reaches into [a, b].
    [[nodiscard]] bool hasGap(double a, double b, double width) const {
        auto it = firstEndingAfter(a);
        double gapLeft =
            it == m_items.cbegin() ? -std::numeric_limits<double>::infinity() : (it - 1)->right;
        for (;;) {
            if (gapLeft >= b)
                return false;
            const double gapRight =
                it == m_items.cend() ? std::numeric_limits<double>::infinity() : it->left;
            if (gapRight > a && gapRight - gapLeft >= width)
                return true;
            if (it == m_items.cend())
                return false;
            gapLeft = it->right;
            ++it;
        }
    }
    // Appends the free stretches that reach into [a, b] (as hasGap() walks them).
    void appendGaps(double a, double b, std::vector<Interval> &out) const {
        auto it = firstEndingAfter(a);
        double gapLeft =
            it == m_items.cbegin() ? -std::numeric_limits<double>::infinity() : (it - 1)->right;
        for (;;) {
            if (gapLeft >= b)
                return;
            const double gapRight =
                it == m_items.cend() ? std::numeric_limits<double>::infinity() : it->left;
            if (gapRight > a)
                out.push_back({gapLeft, gapRight});
            if (it == m_items.cend())
                return;
            gapLeft = it->right;
            ++it;
        }
    }
    void insert(Interval interval) {
        const auto it = std::lower_bound(m_items.begin(), m_items.end(), interval.left,
                                         [](const Interval &i, double v) { return i.left < v; });
        m_items.insert(it, interval);
    }

private:
    std::vector<Interval> m_items;
};

// Measures and elides labels. Latin-1 text (nearly all titles) is measured from a table of
// advances cached per font for the process, about fifty times faster than shaping it; other
