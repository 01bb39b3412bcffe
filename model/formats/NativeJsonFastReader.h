#pragma once

#include "model/Dataset.h"

#include <QByteArray>

#include <optional>

// A single-pass reader of the native exchange file straight from its UTF-8 bytes into a
// Dataset: no QJsonDocument tree, no copy of the file, strings decoded once.
//
// It is the fast path of NativeJsonFormat::read and gives up (std::nullopt) on anything it
// is not sure about: any syntax or field error, a key given twice, a number that is not a
// plain whole number, a lone surrogate, a category or source list after the events, … The
// caller then reads the file the thorough way (QJsonDocument), which accepts or refuses it
// and words the message with file, line and field. So whenever this returns a dataset, it is
// the dataset the thorough reader returns for the same bytes.
namespace NativeJsonFastReader {
enum class Pages {
    Keep,
    // `bytes` are a read-only file mapping (QFile::map): the pages already parsed are given
    // back to the system as the reading goes on (madvise), so the file's bytes and the
    // dataset are not in memory at once. Never for bytes on the heap.
    ReleaseAsRead,
};
[[nodiscard]] std::optional<Dataset> read(const QByteArray &bytes, Pages pages = Pages::Keep);

// Reads as read() does, but hands the dataset over while reading: a first part once the
// events array holds `firstPartEvents` events (with the title, categories and sources read
// before it), then a part every `partEvents` events, then the rest as the last part. An
// event's new category (one the file did not list) comes in the same part as the event or
// an earlier one. The last part is handed over only when the whole file was read and is
// valid. Returns true when it was. False where read() gives
// up, or when `receive` returned false: the parts handed over are then to be dropped, and
// the file read again the thorough way for its message.
[[nodiscard]] bool readInParts(const QByteArray &bytes, Pages pages, qsizetype firstPartEvents,
                               qsizetype partEvents, const DatasetPartReceiver &receive);
} // namespace NativeJsonFastReader
