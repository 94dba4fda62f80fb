using System.Text;

namespace KneeGuide.Core;

/// <summary>
/// What a document holds: text produced in memory, or a file that is copied as it is (images and
/// theme assets are never loaded into memory just to be written out again).
/// </summary>
public abstract class DocumentContent
{
    public static readonly DocumentContent Empty = new TextContent(string.Empty);

    /// <summary>Content already written to the output and released from memory (see WriteFiles).</summary>
    public static readonly DocumentContent Written = new WrittenContent();

    public static DocumentContent FromText(string text) => new TextContent(text);

    public static DocumentContent FromFile(string absolutePath) => new FileContent(absolutePath);

    /// <summary>Text already encoded as UTF-8 (the bytes are kept, not copied): half the memory of a string, and written without re-encoding.</summary>
    public static DocumentContent FromUtf8(byte[] utf8) => new Utf8Content(utf8);

    public abstract void WriteTo(string destinationPath);

    /// <summary>Text of the content (reads the file for file content).</summary>
    public abstract string ReadText();
}

public sealed class TextContent(string text) : DocumentContent
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public string Text { get; } = text;

    public override void WriteTo(string destinationPath) => FileBytes.Write(destinationPath, Utf8NoBom.GetBytes(Text));

    public override string ReadText() => Text;
}

public sealed class FileContent(string absolutePath) : DocumentContent
{
    public string AbsolutePath { get; } = absolutePath;

    public override void WriteTo(string destinationPath) => File.Copy(AbsolutePath, destinationPath, overwrite: true);

    public override string ReadText() => File.ReadAllText(AbsolutePath);
}

public sealed class Utf8Content(byte[] bytes) : DocumentContent
{
    public ReadOnlyMemory<byte> Bytes { get; } = bytes;

    public override void WriteTo(string destinationPath) => FileBytes.Write(destinationPath, bytes);

    public override string ReadText() => Encoding.UTF8.GetString(bytes);
}

/// <summary>
/// UTF-8 text in an array rented from the shared pool: a page between rendering and writing. The
/// module that writes it calls <see cref="Release"/>, so thousands of pages reuse a few arrays instead
/// of each allocating its own. It must not be read after that; a document that is never written
/// simply leaves its array to the garbage collector.
/// </summary>
public sealed class RentedUtf8Content : DocumentContent
{
    private readonly int _length;
    private byte[]? _buffer;

    private RentedUtf8Content(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    /// <summary>Content of exactly <paramref name="length"/> bytes, for the caller to fill through <see cref="Bytes"/>.</summary>
    public static RentedUtf8Content Rent(int length) => new(System.Buffers.ArrayPool<byte>.Shared.Rent(length), length);

    public Span<byte> Bytes => (_buffer ?? throw Released()).AsSpan(0, _length);

    public override void WriteTo(string destinationPath) => FileBytes.Write(destinationPath, Bytes);

    public override string ReadText() => Encoding.UTF8.GetString(Bytes);

    /// <summary>Gives the array back to the pool; the content cannot be used afterwards.</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static InvalidOperationException Released() => new("This content was written and its buffer given back to the pool.");
}

/// <summary>
/// Stands in for content that was written and let go: reading or writing it again is a bug in the
/// pipeline wiring, not something to paper over with an empty file.
/// </summary>
public sealed class WrittenContent : DocumentContent
{
    internal WrittenContent()
    {
    }

    public override void WriteTo(string destinationPath) =>
        throw new InvalidOperationException("This document's content was already written to the output and released.");

    public override string ReadText() =>
        throw new InvalidOperationException("This document's content was already written to the output and released.");
}

/// <summary>
/// Writes a whole file with as few system calls as .NET allows (open, write, close): a build writes
/// thousands of files, and on some file systems each call costs a fraction of a millisecond.
/// </summary>
internal static class FileBytes
{
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        using var handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        RandomAccess.Write(handle, bytes, 0);
    }
}
