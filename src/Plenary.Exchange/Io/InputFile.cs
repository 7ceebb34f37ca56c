using System.IO.Compression;
using System.Text;

namespace Plenary.Exchange.Io;

/// <summary>Opens a data file as UTF-8 text, unpacking gzip when the file starts with gzip's magic bytes (whatever its name).</summary>
public static class InputFile
{
    public static TextReader OpenText(string path)
    {
        if (!File.Exists(path)) throw new ExchangeInputException(path, null, null, null, "file not found");
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Span<byte> magic = stackalloc byte[2];
        int n = stream.Read(magic);
        stream.Position = 0;
        Stream body = n == 2 && magic[0] == 0x1f && magic[1] == 0x8b ? new StrictGZipStream(path, stream) : stream;
        return new StreamReader(body, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, 1 << 16);
    }

    /// <summary>
    /// A gzip stream that refuses a truncated file. .NET's <see cref="GZipStream"/> reports a cut-off member as a plain
    /// end of stream; here the compressed input must have been read to its end with the member's trailer in place.
    /// </summary>
    private sealed class StrictGZipStream(string path, FileStream inner) : Stream
    {
        private readonly GZipStream _gzip = new(inner, CompressionMode.Decompress);
        private bool _ended;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int n;
            try { n = _gzip.Read(buffer); }
            catch (InvalidDataException e) { throw new ExchangeInputException(path, null, null, null, $"the gzip data is damaged: {e.Message}", e); }
            _produced += n;
            if (n == 0 && buffer.Length > 0 && !_ended)
            {
                _ended = true;
                CheckTrailer();
            }
            return n;
        }

        /// <summary>A complete gzip member ends with CRC-32 and the uncompressed size mod 2^32; a cut file lacks them or has them wrong.</summary>
        private void CheckTrailer()
        {
            // The last 4 bytes of a single-member file are ISIZE, which must equal the number of bytes produced (mod 2^32).
            // (Multi-member gzip files, which COW's data is not, would need a member-by-member check.)
            if (inner.Length < 18) Fail("the file is too short to be gzip");
            var tail = new byte[4];
            inner.Position = inner.Length - 4;
            inner.ReadExactly(tail);
            uint isize = BitConverter.ToUInt32(tail);
            if (isize != (uint)_produced) Fail($"the gzip data is truncated or damaged (trailer says {isize} bytes, got {(uint)_produced})");
        }

        private long _produced;

        private void Fail(string why) => throw new ExchangeInputException(path, null, null, null, why);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) { _gzip.Dispose(); inner.Dispose(); }
            base.Dispose(disposing);
        }
    }
}
