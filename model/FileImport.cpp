#include "model/FileImport.h"

#include "model/TimelineStore.h"
#include "model/formats/NativeJsonFastReader.h"
#include "model/formats/NativeJsonFormat.h"
#include "model/formats/TimelineJsCsvFormat.h"

#include <QFile>
#include <QScopeGuard>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

// The parts read so far, from the reading thread to the writing one. Bounded, so the
// reader waits when the store falls behind and memory stays small.
class PartQueue {
public:
    // The reader's side: false when the writer stopped (the reader then stops too). The
    // parts the writer is done with are freed here, on the thread that allocated them: freed
    // on the writer's, their memory went back to the reader's malloc arena under its lock,
    // and the arena gave it back to the system and faulted it in again for the next part
    // (a quarter more CPU time for a 100k-event file).
    bool push(Dataset &&part, bool last) {
        std::vector<Dataset> spent;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [&] { return m_stopped || m_parts.size() < Capacity; });
            if (m_stopped)
                return false;
            m_parts.push_back(std::move(part));
            if (last) {
                m_done = true;
                m_succeeded = true;
            }
            spent.swap(m_spent);
            m_changed.notify_all();
        }
        return true;
    }
    // The reader ended without its last part: what is queued is of no use.
    void fail() {
        const std::lock_guard lock(m_mutex);
        if (m_done)
            return;
        m_done = true;
        m_parts.clear();
        m_changed.notify_all();
    }
    // The writer's side: the next part, or nothing at the end (see succeeded()).
    std::optional<Dataset> pop() {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return !m_parts.empty() || m_done; });
        if (m_parts.empty())
            return std::nullopt;
        Dataset part = std::move(m_parts.front());
        m_parts.pop_front();
        m_changed.notify_all();
        return part;
    }
    // The writer's side: a part written, to be freed by the reader.
    void recycle(Dataset &&part) {
        const std::lock_guard lock(m_mutex);
        m_spent.push_back(std::move(part));
    }
    [[nodiscard]] bool succeeded() const {
        const std::lock_guard lock(m_mutex);
        return m_succeeded;
    }
    // The writer stops taking parts: a waiting reader is let go.
    void stop() {
        const std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_changed.notify_all();
    }

private:
    static constexpr size_t Capacity = 3;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Dataset> m_parts;
    std::vector<Dataset> m_spent;
    bool m_done = false;
    bool m_succeeded = false;
    bool m_stopped = false;
};

// The store's view of the queue.
class QueuedParts final : public TimelineStore::DatasetParts {
public:
    QueuedParts(PartQueue &queue, bool sourcesFirst)
        : m_queue(queue)
        , m_sourcesFirst(sourcesFirst) {}
    const Dataset *next() override {
        if (m_current)
            m_queue.recycle(std::move(*m_current));
        m_current = m_queue.pop();
        if (!m_current) {
            m_failed = !m_queue.succeeded();
            return nullptr;
        }
        return &*m_current;
    }
    [[nodiscard]] bool failed() const override { return m_failed; }
    // The native file lists its sources before its events (the fast reader gives up on a
    // source list after them); a sheet's come with the rows that link them.
    [[nodiscard]] bool laterPartsMayHaveSources() const override { return !m_sourcesFirst; }

private:
    PartQueue &m_queue;
    std::optional<Dataset> m_current;
    bool m_sourcesFirst;
    bool m_failed = false;
};

bool importWhole(TimelineStore &store, const QString &path, DatasetFormat format,
                 ImportPolicy policy, ImportSummary *summary, QString *message) {
    InputError inputError;
    const std::optional<Dataset> dataset = readDatasetFile(path, format, &inputError);
    if (!dataset) {
        *message = inputError.toString();
        return false;
    }
    StoreError storeError;
    if (!store.importDataset(*dataset, policy, summary, &storeError)) {
        *message = storeError.message;
        return false;
    }
    return true;
}

} // namespace

bool FileImport::importFile(TimelineStore &store, const QString &path, DatasetFormat format,
                            ImportPolicy policy, ImportSummary *summary, QString *message,
                            PartSizes sizes) {
    QString localMessage;
    QString &text = message ? *message : localMessage;
    QFile file(path);
    uchar *mapped =
        file.open(QIODevice::ReadOnly) && file.size() > 0 ? file.map(0, file.size()) : nullptr;
    const QByteArray bytes = mapped
                                 ? QByteArray::fromRawData(reinterpret_cast<const char *>(mapped),
                                                           qsizetype(file.size()))
                                 : QByteArray();
    const DatasetFormat resolved =
        format == DatasetFormat::Auto && mapped
            ? DatasetFormats::detect(path, bytes).value_or(DatasetFormat::Auto)
            : format;
    const bool native = resolved == DatasetFormat::Native;
    if (!mapped || (!native && resolved != DatasetFormat::TimelineJsCsv)) {
        if (mapped)
            file.unmap(mapped);
        return importWhole(store, path, format, policy, summary, &text);
    }

    const auto unmap = qScopeGuard([&] { file.unmap(mapped); });
    PartQueue queue;
    InputError readError;
    std::thread reader([&] {
        const DatasetPartReceiver receive = [&queue](Dataset &&part, bool last) {
            return queue.push(std::move(part), last);
        };
        const bool read =
            native ? NativeJsonFastReader::readInParts(bytes,
                                                       NativeJsonFastReader::Pages::ReleaseAsRead,
                                                       sizes.first, sizes.later, receive)
                   : TimelineJsCsvFormat::readInParts(bytes, path, &readError, sizes.first,
                                                      sizes.later, receive);
        if (!read)
            queue.fail();
    });
    QueuedParts parts(queue, native);
    StoreError storeError;
    const bool imported = store.importParts(parts, policy, summary, &storeError);
    queue.stop();
    reader.join();
    if (imported)
        return true;
    if (!parts.failed()) {
        text = storeError.message;
        return false;
    }
    if (!native) {
        text = readError.toString();
        return false;
    }
    // The fast reader was not sure: the thorough reader decides, and words the message (from
    // the mapping still open: the pages given back are read again from the file; going
    // through readDatasetFile would run the fast reader over the whole file a second time).
    InputError thoroughError;
    const std::optional<Dataset> dataset =
        NativeJsonFormat::readThoroughly(bytes, path, &thoroughError);
    if (!dataset) {
        text = thoroughError.toString();
        return false;
    }
    if (!store.importDataset(*dataset, policy, summary, &storeError)) {
        text = storeError.message;
        return false;
    }
    return true;
}
