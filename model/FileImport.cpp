#include "model/FileImport.h"

#include "model/DatasetSlices.h"
#include "model/ImportControl.h"
#include "model/formats/NativeJsonFastReader.h"
#include "model/formats/NativeJsonFormat.h"
#include "model/formats/TimelineJsCsvFormat.h"
#include "model/store/TimelineStore.h"

#include <QFile>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
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
    QueuedParts(PartQueue &queue, bool sourcesFirst, const ImportControl *control, qint64 bytes)
        : m_queue(queue)
        , m_sourcesFirst(sourcesFirst)
        , m_control(control)
        , m_bytes(bytes) {}
    const Dataset *next() override {
        if (m_current)
            m_queue.recycle(std::move(*std::exchange(m_current, std::nullopt)));
        if (stopped())
            return nullptr;
        m_current = m_queue.pop();
        if (!m_current) {
            m_failed = !m_queue.succeeded();
            if (!m_failed && m_control)
                m_control->step(m_handedOver);
            return nullptr;
        }
        // A step before each part with events (a native file's sources come on their own).
        if (m_control && !m_current->events.isEmpty())
            m_control->step(m_handedOver);
        m_handedOver += m_current->events.size();
        return stopped() ? nullptr : &*m_current;
    }
    [[nodiscard]] bool failed() const override { return m_failed; }
    [[nodiscard]] bool stopped() const override { return m_control && m_control->stopped(); }
    // The native file lists its sources before its events (the fast reader gives up on a
    // source list after them); a sheet's come with the rows that link them.
    [[nodiscard]] bool laterPartsMayHaveSources() const override { return !m_sourcesFirst; }
    [[nodiscard]] qint64 bytesHint() const override { return m_bytes; }

private:
    PartQueue &m_queue;
    std::optional<Dataset> m_current;
    bool m_sourcesFirst;
    const ImportControl *m_control;
    qsizetype m_handedOver = 0; // events
    bool m_failed = false;
    qint64 m_bytes;
};

// A dataset read whole: in slices when the window follows the import, else in one part.
bool importDataset(TimelineStore &store, const QString &path, const Dataset &dataset,
                   ImportPolicy policy, ImportSummary *summary, QString *message,
                   FileImport::PartSizes sizes, const ImportControl *control) {
    StoreError storeError;
    bool imported = false;
    if (control) {
        DatasetSlices slices(dataset, sizes.first, sizes.later, control);
        slices.setFileName(path);
        imported = store.importParts(slices, policy, summary, &storeError);
    } else {
        imported = store.importDataset(dataset, policy, summary, &storeError, path);
    }
    if (!imported)
        *message = storeError.message;
    return imported;
}

bool importWhole(TimelineStore &store, const QString &path, DatasetFormat format,
                 ImportPolicy policy, ImportSummary *summary, QString *message,
                 FileImport::PartSizes sizes, const ImportControl *control) {
    InputError inputError;
    const std::optional<Dataset> dataset = readDatasetFile(path, format, &inputError);
    if (!dataset) {
        *message = inputError.toString();
        return false;
    }
    return importDataset(store, path, *dataset, policy, summary, message, sizes, control);
}

// The file mapped, with the format it is to be read as (Auto when it cannot be told).
struct MappedFile {
    explicit MappedFile(const QString &path, DatasetFormat format)
        : file(path) {
        mapped =
            file.open(QIODevice::ReadOnly) && file.size() > 0 ? file.map(0, file.size()) : nullptr;
        if (mapped)
            bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(mapped),
                                            qsizetype(file.size()));
        resolved = format == DatasetFormat::Auto && mapped
                       ? DatasetFormats::detect(path, bytes).value_or(DatasetFormat::Auto)
                       : format;
    }
    ~MappedFile() {
        if (mapped)
            file.unmap(mapped);
    }
    MappedFile(const MappedFile &) = delete;
    MappedFile &operator=(const MappedFile &) = delete;
    // Read in parts: the formats of large files.
    [[nodiscard]] bool inParts() const {
        return mapped &&
               (resolved == DatasetFormat::Native || resolved == DatasetFormat::TimelineJsCsv);
    }

    QFile file;
    uchar *mapped = nullptr;
    QByteArray bytes;
    DatasetFormat resolved = DatasetFormat::Auto;
};

} // namespace

bool FileImport::importFile(TimelineStore &store, const QString &path, DatasetFormat format,
                            ImportPolicy policy, ImportSummary *summary, QString *message,
                            PartSizes sizes, const ImportControl *control) {
    QString localMessage;
    QString &text = message ? *message : localMessage;
    const MappedFile input(path, format);
    if (!input.inParts())
        return importWhole(store, path, format, policy, summary, &text, sizes, control);

    const bool native = input.resolved == DatasetFormat::Native;
    const QByteArray &bytes = input.bytes;
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
    QueuedParts parts(queue, native, control, bytes.size());
    parts.setFileName(path);
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
    return importDataset(store, path, *dataset, policy, summary, &text, sizes, control);
}

bool FileImport::previewFile(const QString &path, DatasetFormat format,
                             ImportPreview::Counter &counter, DatasetFormat *readAs,
                             InputError *error, const std::function<bool()> &cancelled,
                             PartSizes sizes) {
    const MappedFile input(path, format);
    if (readAs)
        *readAs = input.resolved;
    InputError localError;
    InputError &failure = error ? *error : localError;
    failure = {};
    const auto readWhole = [&](const std::optional<Dataset> &dataset, const InputError &why) {
        if (!dataset) {
            failure = why;
            return false;
        }
        counter.add(*dataset);
        return true;
    };
    if (!input.inParts()) {
        InputError why;
        return readWhole(readDatasetFile(path, format, &why), why);
    }
    // The counts of the parts read so far are kept aside: a native file the fast reader gives
    // up on is counted again from the start, the thorough way.
    ImportPreview::Counter partial = counter;
    bool stopped = false;
    const DatasetPartReceiver receive = [&](Dataset &&part, bool) {
        if (cancelled && cancelled()) {
            stopped = true;
            return false;
        }
        partial.add(part);
        return true;
    };
    if (input.resolved == DatasetFormat::TimelineJsCsv) {
        InputError why;
        const bool read = TimelineJsCsvFormat::readInParts(input.bytes, path, &why, sizes.first,
                                                           sizes.later, receive);
        if (read)
            counter = std::move(partial);
        else if (!stopped)
            failure = why;
        return read;
    }
    if (NativeJsonFastReader::readInParts(input.bytes, NativeJsonFastReader::Pages::ReleaseAsRead,
                                          sizes.first, sizes.later, receive)) {
        counter = std::move(partial);
        return true;
    }
    if (stopped)
        return false;
    InputError why;
    const std::optional<Dataset> dataset =
        NativeJsonFormat::readThoroughly(input.bytes, path, &why);
    return readWhole(dataset, why);
}
