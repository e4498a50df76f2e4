package dev.shardbridge.event.cbor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import org.apache.kafka.connect.errors.DataException;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one CBOR factory of this package (factories are thread-safe and costly to build; generators
 * and parsers are cheap), and the framing shared by every CBOR payload: one top-level value, no
 * trailing bytes, every parse failure a {@link DataException} saying what was being read.
 */
final class CborStreams {

    /**
     * Standard negative bignums (tag 3 holds {@code -1 - n}, RFC 8949 §3.4.3): Jackson's default
     * writes {@code -n}, which any other decoder would read off by one.
     */
    static final CBORFactory FACTORY = CBORFactory.builder()
            .enable(CBORGenerator.Feature.ENCODE_USING_STANDARD_NEGATIVE_BIGINT_ENCODING)
            .enable(CBORParser.Feature.DECODE_USING_STANDARD_NEGATIVE_BIGINT_ENCODING)
            .build();

    interface Body {
        void write(CBORGenerator out) throws IOException;
    }

    interface Parse<T> {
        T read(CBORParser in) throws IOException;
    }

    private CborStreams() {
    }

    static byte[] write(Body body) {
        BufferRecycler recycler = FACTORY._getBufferRecycler();
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(recycler)) {
            try (CBORGenerator out = FACTORY.createGenerator(bytes)) {
                body.write(out);
            }
            byte[] result = bytes.toByteArray();
            bytes.release();
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory cannot fail", e);
        } finally {
            recycler.releaseToPool();
        }
    }

    /**
     * Parses one top-level value; {@code parse} starts on its first token.
     *
     * @param what what the bytes should hold, for error messages
     */
    static <T> T read(byte[] bytes, String what, Parse<T> parse) {
        try (CBORParser in = FACTORY.createParser(bytes)) {
            if (in.nextToken() == null) {
                throw new DataException("Empty input where CBOR " + what + " was expected");
            }
            T value = parse.read(in);
            JsonToken trailing = in.nextToken();
            if (trailing != null) {
                throw new DataException("Unexpected " + trailing + " after the CBOR " + what);
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new DataException("Malformed or truncated CBOR " + what + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new DataException("Cannot read CBOR " + what, e);
        }
    }
}
