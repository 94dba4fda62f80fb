using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace KneeGuide.Core.Caching;

/// <summary>
/// Writes values in the build cache's compact binary form: variable-length integers, and strings
/// written once per blob and referred to by number after that (a page's links repeat its file name
/// and the theme's addresses many times). <see cref="CacheReader"/> reads the same form back.
/// </summary>
public sealed class CacheWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);

    public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    /// <summary>Starts again with an empty buffer and string table (a writer reused for many records).</summary>
    public void Reset()
    {
        _buffer.ResetWrittenCount();
        _strings.Clear();
    }

    public void WriteUInt(ulong value)
    {
        var span = _buffer.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        _buffer.Advance(i);
    }

    public void WriteInt(int value) => WriteUInt((ulong)(uint)((value << 1) ^ (value >> 31)));

    public void WriteBool(bool value) => WriteUInt(value ? 1u : 0u);

    public void WriteHash(UInt128 value)
    {
        BinaryPrimitives.WriteUInt128LittleEndian(_buffer.GetSpan(16), value);
        _buffer.Advance(16);
    }

    /// <summary>0: null; 1: a new string follows (UTF-8, length first); n ≥ 2: the string written (n - 2)th.</summary>
    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteUInt(0);
            return;
        }

        if (_strings.TryGetValue(value, out var index))
        {
            WriteUInt((ulong)index + 2);
            return;
        }

        _strings[value] = _strings.Count;
        WriteUInt(1);
        var length = Encoding.UTF8.GetByteCount(value);
        WriteUInt((ulong)length);
        Encoding.UTF8.GetBytes(value, _buffer.GetSpan(length));
        _buffer.Advance(length);
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        WriteUInt((ulong)bytes.Length);
        bytes.CopyTo(_buffer.GetSpan(bytes.Length));
        _buffer.Advance(bytes.Length);
    }

    public void WriteList<T>(IReadOnlyCollection<T> items, Action<CacheWriter, T> write)
    {
        WriteUInt((ulong)items.Count);
        foreach (var item in items)
        {
            write(this, item);
        }
    }

    public void WriteStrings(IReadOnlyCollection<string> items) => WriteList(items, static (w, s) => w.WriteString(s));

    public void WriteLocation(SourceLocation at)
    {
        WriteString(at.File);
        WriteInt(at.Line);
        WriteInt(at.Column);
    }

    public void WriteDate(DateOnly? date) => WriteInt(date is { } d ? d.DayNumber + 1 : 0);
}
