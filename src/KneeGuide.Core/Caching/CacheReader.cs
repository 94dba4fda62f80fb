using System.Buffers.Binary;
using System.Text;

namespace KneeGuide.Core.Caching;

/// <summary>Reads what <see cref="CacheWriter"/> wrote. A damaged blob throws <see cref="CacheFormatException"/>.</summary>
public sealed class CacheReader(ReadOnlyMemory<byte> bytes)
{
    private readonly List<string> _strings = [];
    private int _position;

    public bool AtEnd => _position >= bytes.Length;

    public void Skip(int count) => _ = Take(count);

    public ulong ReadUInt()
    {
        var span = bytes.Span;
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= span.Length)
            {
                throw new CacheFormatException("a number runs past the end of the blob");
            }

            var b = span[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new CacheFormatException("a number is too long");
    }

    public int ReadInt()
    {
        var raw = (uint)ReadUInt();
        return (int)(raw >> 1) ^ -(int)(raw & 1);
    }

    public bool ReadBool() => ReadUInt() != 0;

    public UInt128 ReadHash()
    {
        var value = BinaryPrimitives.ReadUInt128LittleEndian(Take(16));
        return value;
    }

    public string? ReadString() => ReadString(null);

    /// <summary>A string, taken from <paramref name="interned"/> when it holds it already.</summary>
    public string? ReadString(InternedStrings? interned)
    {
        var tag = ReadUInt();
        if (tag == 0)
        {
            return null;
        }

        if (tag == 1)
        {
            var length = checked((int)ReadUInt());
            var utf8 = Take(length);
            var text = interned is null ? Encoding.UTF8.GetString(utf8) : interned.Get(utf8);
            _strings.Add(text);
            return text;
        }

        var index = tag - 2;
        return index < (ulong)_strings.Count ? _strings[(int)index] : throw new CacheFormatException("a string refers to one not yet read");
    }

    public string ReadRequiredString() => ReadString() ?? throw new CacheFormatException("a required string is missing");

    public ReadOnlyMemory<byte> ReadBytes()
    {
        var length = checked((int)ReadUInt());
        var start = _position;
        _ = Take(length);
        return bytes.Slice(start, length);
    }

    public List<T> ReadList<T>(Func<CacheReader, T> read)
    {
        var count = checked((int)ReadUInt());
        if (count > bytes.Length - _position)
        {
            throw new CacheFormatException("a list is longer than the blob");
        }

        var list = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(read(this));
        }

        return list;
    }

    public List<string> ReadStrings() => ReadList(static r => r.ReadRequiredString());

    /// <summary>A list written by <see cref="CacheWriter.WriteStrings"/>, as an array of strings shared through <paramref name="interned"/>.</summary>
    public string[] ReadStringArray(InternedStrings interned)
    {
        var strings = new string[ReadCount()];
        // Each new string also joins the back-reference table: grown once, not doubling as it fills.
        _strings.EnsureCapacity(_strings.Count + strings.Length);
        for (var i = 0; i < strings.Length; i++)
        {
            strings[i] = ReadString(interned) ?? throw new CacheFormatException("a required string is missing");
        }

        return strings;
    }

    /// <summary>A list of numbers written by <see cref="CacheWriter.WriteList{T}"/> with <see cref="CacheWriter.WriteUInt"/>, as an array.</summary>
    public ulong[] ReadUIntArray()
    {
        var values = new ulong[ReadCount()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ReadUInt();
        }

        return values;
    }

    private int ReadCount()
    {
        var count = checked((int)ReadUInt());
        return count <= bytes.Length - _position ? count : throw new CacheFormatException("a list is longer than the blob");
    }

    public SourceLocation ReadLocation() => new(ReadString(), ReadInt(), ReadInt());

    public DateOnly? ReadDate() => ReadInt() is var day and > 0 ? DateOnly.FromDayNumber(day - 1) : null;

    private ReadOnlySpan<byte> Take(int length)
    {
        if (length < 0 || _position + length > bytes.Length)
        {
            throw new CacheFormatException("a value runs past the end of the blob");
        }

        var span = bytes.Span.Slice(_position, length);
        _position += length;
        return span;
    }
}

/// <summary>A cache file or blob that is damaged or from another version: the build then starts cold.</summary>
public sealed class CacheFormatException(string message) : Exception(message);
