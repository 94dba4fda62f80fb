using System.Text;

namespace KneeGuide.Core;

/// <summary>
/// What a document holds: text produced in memory, or a file that is copied as it is (images and
/// theme assets are never loaded into memory just to be written out again).
/// </summary>
public abstract class DocumentContent
{
    public static readonly DocumentContent Empty = new TextContent(string.Empty);

    /// <summary>Content already written to the output (with the hash of what was written) and released from memory.</summary>
    public static DocumentContent Written(UInt128 hash) => new WrittenContent(hash);

    /// <summary>A file an earlier build wrote with this hash, to be reused from its output as it is (see CacheAggregate).</summary>
    public static DocumentContent Reused(UInt128 hash) => new ReusedContent(hash);

    /// <summary>
    /// Content released without being written (the build had already failed, or another document
    /// claimed the address): a result that must not be cached as written.
    /// </summary>
    public static readonly DocumentContent NotWritten = new WrittenContent(0);

    public static DocumentContent FromText(string text) => new TextContent(text);

    /// <param name="knownHash">The file's content hash when already known (source files are hashed once, when scanned).</param>
    public static DocumentContent FromFile(string absolutePath, UInt128? knownHash = null) => new FileContent(absolutePath, knownHash);

    /// <summary>Text already encoded as UTF-8 (the bytes are kept, not copied): half the memory of a string, and written without re-encoding.</summary>
    public static DocumentContent FromUtf8(byte[] utf8) => new Utf8Content(utf8);

    public abstract void WriteTo(string destinationPath);

    /// <summary>Text of the content (reads the file for file content).</summary>
    public abstract string ReadText();

    /// <summary>The hash of the bytes <see cref="WriteTo"/> writes: an unchanged output file is not written again.</summary>
    public abstract UInt128 Hash();
}

public sealed class TextContent(string text) : DocumentContent
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public string Text { get; } = text;

    public override void WriteTo(string destinationPath) => FileBytes.Write(destinationPath, Utf8NoBom.GetBytes(Text));

    public override string ReadText() => Text;

    public override UInt128 Hash() => Caching.ContentHash.Of(Utf8NoBom.GetBytes(Text));
}

public sealed class FileContent(string absolutePath, UInt128? knownHash) : DocumentContent
{
    private UInt128? _hash = knownHash;

    public string AbsolutePath { get; } = absolutePath;

    public override void WriteTo(string destinationPath) => File.Copy(AbsolutePath, destinationPath, overwrite: true);

    public override string ReadText() => File.ReadAllText(AbsolutePath);

    public override UInt128 Hash() => _hash ??= Caching.ContentHash.Of(File.ReadAllBytes(AbsolutePath));
}

public sealed class Utf8Content(byte[] bytes) : DocumentContent
{
    public ReadOnlyMemory<byte> Bytes { get; } = bytes;

    public override void WriteTo(string destinationPath) => FileBytes.Write(destinationPath, bytes);

    public override string ReadText() => Encoding.UTF8.GetString(bytes);

    public override UInt128 Hash() => Caching.ContentHash.Of(bytes);
}

/// <summary>
/// A rendered page's UTF-8 text in an array rented from the shared pool, between rendering and
/// writing. This content owns the array: whoever writes it out disposes it (WriteFiles does, and
/// replaces it with <see cref="WrittenContent"/>), so thousands of pages reuse a few arrays; reading
/// it after that throws. A document that is never written leaves its array to the garbage collector.
/// </summary>
public sealed class RentedUtf8Content : DocumentContent, IDisposable
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

    public override UInt128 Hash() => Caching.ContentHash.Of(Bytes);

    /// <summary>Gives the array back to the pool; the content cannot be used afterwards.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static InvalidOperationException Released() => new("This content was written and its buffer given back to the pool.");
}

/// <summary>
/// Stands in for content that was written and let go, with the hash of what was written (the build
/// cache remembers it, and a later build reuses the file when the hash still matches). Reading or
/// writing it again is a bug in the pipeline wiring, not something to paper over with an empty file.
/// </summary>
public sealed class WrittenContent : DocumentContent
{
    internal WrittenContent(UInt128 hash) => WrittenHash = hash;

    public UInt128 WrittenHash { get; }

    public override void WriteTo(string destinationPath) =>
        throw new InvalidOperationException("This document's content was already written to the output and released.");

    public override string ReadText() =>
        throw new InvalidOperationException("This document's content was already written to the output and released.");

    public override UInt128 Hash() => WrittenHash;
}

/// <summary>A file of an earlier build's output, reused as it is: its bytes are not in memory, only its hash.</summary>
public sealed class ReusedContent : DocumentContent
{
    internal ReusedContent(UInt128 hash) => ReusedHash = hash;

    public UInt128 ReusedHash { get; }

    public override void WriteTo(string destinationPath) =>
        throw new InvalidOperationException("This content is a file of an earlier output: it is reused through the output sink, not written.");

    public override string ReadText() =>
        throw new InvalidOperationException("This content is a file of an earlier output and is not in memory.");

    public override UInt128 Hash() => ReusedHash;
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
