package io.arbiter.operators.book;

import io.arbiter.schemas.ControlCommand;
import io.arbiter.schemas.DataQuality;
import io.arbiter.schemas.Fill;
import io.arbiter.schemas.GateDecision;
import io.arbiter.schemas.ModelSignal;
import io.arbiter.schemas.Regime;
import io.arbiter.schemas.Side;
import io.arbiter.schemas.SignalSide;
import io.arbiter.schemas.SourcedFill;
import io.arbiter.schemas.codec.AvroCodec;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * The binary form of a {@link BookInput}: used by the book's state (inputs waiting for the
 * watermark) and by the job's serializer of the stream into the book. Signals and fills, the bulk
 * of a book's inputs, are written field by field (no Avro encoder, no schema fingerprint); the rare
 * inputs (commands, data quality) go through their Avro single-object form. Enums are written by
 * name, so a symbol added to a schema never shifts what older bytes mean.
 *
 * <p>The layout has no version of its own: whoever stores inputs versions its bytes ({@link
 * BookState#FORMAT}), and a change here is a new format there. A record whose schema gains a field
 * must gain it here too: the codec's tests hold the field counts it writes to the schemas'.
 */
public final class BookInputCodec {

    /** Fields of {@link ModelSignal} written by {@link #writeSignal}. */
    public static final int SIGNAL_FIELDS = 14;

    /** Fields of {@link Fill} written by {@link #writeFill}. */
    public static final int FILL_FIELDS = 11;

    /** Fields of {@link SourcedFill}: the fill, where it was read and its bytes as read. */
    public static final int SOURCED_FILL_FIELDS = 5;

    private static final byte FILL = 0;
    private static final byte REPORT = 1;
    private static final byte QUALITY = 2;
    private static final byte SIGNAL = 3;
    private static final byte COMMAND = 4;

    private final AvroCodec<ControlCommand> commands = AvroCodec.of(ControlCommand.class);
    private final AvroCodec<DataQuality> quality = AvroCodec.of(DataQuality.class);

    public void write(BookInput input, DataOutput out) throws IOException {
        out.writeUTF(input.book());
        if (input instanceof BookInput.FillInput f) {
            out.writeByte(FILL);
            out.writeInt(f.fill().getPartition());
            out.writeLong(f.fill().getOffset());
            writeNullableBytes(f.fill().getRawKey(), out);
            writeNullableBytes(f.fill().getRawValue(), out);
            writeFill(f.fill().getFill(), out);
        } else if (input instanceof BookInput.ReportInput r) {
            out.writeByte(REPORT);
            writeReport(r.report(), out);
        } else if (input instanceof BookInput.QualityInput q) {
            out.writeByte(QUALITY);
            writeBytes(quality.encode(q.quality()), out);
        } else if (input instanceof BookInput.SignalInput s) {
            out.writeByte(SIGNAL);
            writeSignal(s.signal(), out);
        } else if (input instanceof BookInput.CommandInput c) {
            out.writeByte(COMMAND);
            writeBytes(commands.encode(c.command()), out);
        } else {
            throw new IllegalArgumentException("no binary form for " + input);
        }
    }

    public BookInput read(DataInput in) throws IOException {
        String book = in.readUTF();
        byte kind = in.readByte();
        switch (kind) {
            case FILL:
                int partition = in.readInt();
                long offset = in.readLong();
                ByteBuffer rawKey = readNullableBytes(in);
                ByteBuffer rawValue = readNullableBytes(in);
                return new BookInput.FillInput(
                        book, new SourcedFill(readFill(in), partition, offset, rawKey, rawValue));
            case REPORT:
                return new BookInput.ReportInput(book, readReport(in));
            case QUALITY:
                return new BookInput.QualityInput(book, quality.decode(readBytes(in)));
            case SIGNAL:
                return new BookInput.SignalInput(book, readSignal(in));
            case COMMAND:
                return new BookInput.CommandInput(book, commands.decode(readBytes(in)));
            default:
                throw new IOException("unknown book input kind " + kind);
        }
    }

    static void writeSignal(ModelSignal s, DataOutput out) throws IOException {
        writeString(s.getModel(), out);
        writeString(s.getVersion(), out);
        writeString(s.getSymbol(), out);
        out.writeLong(s.getTime().toEpochMilli());
        writeEnum(s.getRegime(), out);
        out.writeDouble(s.getPRaw());
        out.writeDouble(s.getPCal());
        writeEnum(s.getSide(), out);
        writeEnum(s.getGate(), out);
        out.writeDouble(s.getGateThreshold());
        out.writeBoolean(s.getExternal());
        out.writeDouble(s.getClose());
        out.writeDouble(s.getAtr());
        writeEnum(s.getProposedSide(), out);
    }

    static ModelSignal readSignal(DataInput in) throws IOException {
        ModelSignal s = new ModelSignal();
        s.setModel(readString(in));
        s.setVersion(readString(in));
        s.setSymbol(readString(in));
        s.setTime(Instant.ofEpochMilli(in.readLong()));
        s.setRegime(readEnum(Regime.class, in));
        s.setPRaw(in.readDouble());
        s.setPCal(in.readDouble());
        s.setSide(readEnum(SignalSide.class, in));
        s.setGate(readEnum(GateDecision.class, in));
        s.setGateThreshold(in.readDouble());
        s.setExternal(in.readBoolean());
        s.setClose(in.readDouble());
        s.setAtr(in.readDouble());
        s.setProposedSide(readEnum(SignalSide.class, in));
        return s;
    }

    static void writeFill(Fill f, DataOutput out) throws IOException {
        writeString(f.getFillId(), out);
        writeString(f.getOrderId(), out);
        writeString(f.getBook(), out);
        writeString(f.getModel(), out);
        writeString(f.getModelVersion(), out);
        writeString(f.getSymbol(), out);
        writeEnum(f.getSide(), out);
        out.writeDouble(f.getQty());
        out.writeDouble(f.getPrice());
        out.writeDouble(f.getFee());
        out.writeLong(f.getTime().toEpochMilli());
    }

    static Fill readFill(DataInput in) throws IOException {
        Fill f = new Fill();
        f.setFillId(readString(in));
        f.setOrderId(readString(in));
        f.setBook(readString(in));
        f.setModel(readString(in));
        f.setModelVersion(readString(in));
        f.setSymbol(readString(in));
        f.setSide(readEnum(Side.class, in));
        f.setQty(in.readDouble());
        f.setPrice(in.readDouble());
        f.setFee(in.readDouble());
        f.setTime(Instant.ofEpochMilli(in.readLong()));
        return f;
    }

    static void writeReport(ModelReport r, DataOutput out) throws IOException {
        out.writeUTF(r.kind().name());
        out.writeUTF(r.rule());
        out.writeUTF(r.model());
        out.writeUTF(r.version());
        out.writeLong(r.time());
        out.writeLong(r.tookNanos());
        out.writeUTF(r.reason());
        out.writeUTF(r.eventId());
    }

    static ModelReport readReport(DataInput in) throws IOException {
        return new ModelReport(
                ModelReport.Kind.valueOf(in.readUTF()),
                in.readUTF(),
                in.readUTF(),
                in.readUTF(),
                in.readLong(),
                in.readLong(),
                in.readUTF(),
                in.readUTF());
    }

    private static void writeString(String value, DataOutput out) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readString(DataInput in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeEnum(Enum<?> value, DataOutput out) throws IOException {
        writeString(value == null ? null : value.name(), out);
    }

    private static <E extends Enum<E>> E readEnum(Class<E> type, DataInput in) throws IOException {
        String name = readString(in);
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static void writeBytes(byte[] bytes, DataOutput out) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** A record's raw Kafka bytes (null: not from Kafka), carried whole for its dead letter. */
    private static void writeNullableBytes(ByteBuffer bytes, DataOutput out) throws IOException {
        if (bytes == null) {
            out.writeInt(-1);
            return;
        }
        ByteBuffer view = bytes.duplicate();
        byte[] copy = new byte[view.remaining()];
        view.get(copy);
        writeBytes(copy, out);
    }

    private static ByteBuffer readNullableBytes(DataInput in) throws IOException {
        byte[] bytes = readBytes(in);
        return bytes == null ? null : ByteBuffer.wrap(bytes);
    }

    /** Bytes written by {@link #writeBytes}; null for the length -1 of absent raw bytes. */
    private static byte[] readBytes(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
