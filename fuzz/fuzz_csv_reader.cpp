// CsvReader on arbitrary bytes, whole and record by record. Invariants: both ways of reading
// agree; a refusal has a message and a line; records written with CsvWriter read back as the
// same cells.
#include "fuzz/FuzzSupport.h"
#include "model/formats/CsvReader.h"
#include "model/formats/CsvWriter.h"

#include <QBuffer>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray bytes = fuzzBytes(data, size);
    InputError error;
    const auto records = CsvReader::readAll(bytes, u"fuzz.csv"_s, &error);

    // The same input through a device, in the reader's own chunks.
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    CsvReader streamed(&buffer, u"fuzz.csv"_s);
    QList<QStringList> streamedRecords;
    QStringList cells;
    int lastLine = 0;
    while (streamed.readRecord(&cells)) {
        FUZZ_CHECK(streamed.recordLine() >= lastLine && streamed.recordLine() >= 1, QString());
        lastLine = streamed.recordLine();
        streamedRecords << cells;
    }
    if (!records) {
        checkErrorReported(error);
        FUZZ_CHECK(streamed.hasError(), u"readAll failed but the device reader did not"_s);
        FUZZ_CHECK(streamed.error().message == error.message, streamed.error().message);
        return 0;
    }
    FUZZ_CHECK(!streamed.hasError(), streamed.error().toString());
    FUZZ_CHECK(streamedRecords == *records, u"device reader and readAll disagree"_s);

    CsvWriter writer;
    for (const QStringList &record : *records)
        writer.writeRecord(record);
    const QByteArray written = writer.take();
    InputError again;
    const auto reread = CsvReader::readAll(written, u"fuzz.csv"_s, &again);
    if (!reread)
        fuzzFail("CsvWriter output refused by CsvReader", again.toString());
    FUZZ_CHECK(*reread == *records, QString::fromUtf8(written));
    return 0;
}
