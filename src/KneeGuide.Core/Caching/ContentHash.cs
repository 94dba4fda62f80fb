using System.IO.Hashing;
using System.Text;

namespace KneeGuide.Core.Caching;

/// <summary>
/// 128-bit content hashes (XxHash128): fast enough to hash every source file on every build, and wide
/// enough that two different inputs never share one in practice. <see cref="Builder"/> hashes a
/// sequence of fields, each length-prefixed so that ("ab", "c") and ("a", "bc") differ.
/// </summary>
public static class ContentHash
{
    public static UInt128 Of(ReadOnlySpan<byte> bytes) => XxHash128.HashToUInt128(bytes);

    public static UInt128 Of(string text)
    {
        var builder = new Builder();
        builder.Add(text);
        return builder.Finish();
    }

    public static UInt128 Of(params string?[] parts)
    {
        var builder = new Builder();
        foreach (var part in parts)
        {
            builder.Add(part);
        }

        return builder.Finish();
    }

    /// <summary>"0f3a...": 32 hex digits, for file names and messages.</summary>
    public static string Hex(UInt128 hash) => hash.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Hashes fields one after another. Not thread-safe: one per computation.</summary>
    public sealed class Builder
    {
        private readonly XxHash128 _hash = new();

        public Builder Add(string? text)
        {
            if (text is null)
            {
                Add(-1);
                return this;
            }

            Add(text.Length);
            Span<byte> buffer = stackalloc byte[512];
            var chars = text.AsSpan();
            while (chars.Length > 0)
            {
                var take = Math.Min(chars.Length, 170); // 170 chars never exceed 512 UTF-8 bytes
                var written = Encoding.UTF8.GetBytes(chars[..take], buffer);
                _hash.Append(buffer[..written]);
                chars = chars[take..];
            }

            return this;
        }

        public Builder Add(int value)
        {
            Span<byte> bytes = stackalloc byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
            _hash.Append(bytes);
            return this;
        }

        public Builder Add(bool value) => Add(value ? 1 : 0);

        public Builder Add(UInt128 value)
        {
            Span<byte> bytes = stackalloc byte[16];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt128LittleEndian(bytes, value);
            _hash.Append(bytes);
            return this;
        }

        public Builder Add(ReadOnlySpan<byte> bytes)
        {
            Add(bytes.Length);
            _hash.Append(bytes);
            return this;
        }

        public Builder AddAll(IEnumerable<string> texts)
        {
            var count = 0;
            foreach (var text in texts)
            {
                Add(text);
                count++;
            }

            return Add(count);
        }

        public UInt128 Finish() => _hash.GetCurrentHashAsUInt128();
    }
}
