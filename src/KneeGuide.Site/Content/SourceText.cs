using System.Buffers;
using System.Text;
using KneeGuide.Core;
using KneeGuide.Site.Diagnostics;

namespace KneeGuide.Site.Content;

/// <summary>
/// Reads a text source as an editor's tool would: UTF-8 with or without a BOM, CRLF or LF. Binary
/// files and invalid UTF-8 are reported with the line and column of the first bad byte.
/// </summary>
public static class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string? Read(string absolutePath, string displayPath, DiagnosticBag diagnostics)
    {
        // The bytes only live until they are decoded: read them into a pooled buffer (a build reads
        // thousands of files) instead of a new array per file.
        byte[] buffer;
        int length;
        try
        {
            using var handle = File.OpenHandle(absolutePath);
            var size = RandomAccess.GetLength(handle);
            if (size > Array.MaxLength)
            {
                throw new IOException("the file is too large to be a page");
            }

            buffer = ArrayPool<byte>.Shared.Rent((int)size);
            length = 0;
            int read;
            while (length < size && (read = RandomAccess.Read(handle, buffer.AsSpan(length, (int)size - length), length)) > 0)
            {
                length += read;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error(ErrorCodes.UnreadableFile, SourceLocation.InFile(displayPath), $"cannot read the file: {e.Message}"));
            return null;
        }

        try
        {
            return Decode(buffer.AsSpan(0, length), displayPath, diagnostics);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string? Decode(Span<byte> span, string displayPath, DiagnosticBag diagnostics)
    {
        if (span.StartsWith(Encoding.UTF8.Preamble))
        {
            span = span[3..];
        }

        var nul = span.IndexOf((byte)0);
        if (nul >= 0)
        {
            diagnostics.Add(Diagnostic.Error(ErrorCodes.UnreadableFile, At(span, nul, displayPath), "this is a binary file, not text: save it as UTF-8 text"));
            return null;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(span);
        }
        catch (DecoderFallbackException e)
        {
            diagnostics.Add(Diagnostic.Error(ErrorCodes.UnreadableFile, At(span, Math.Max(e.Index, 0), displayPath), "the file is not valid UTF-8 (often text pasted from Word or saved as Latin-1): save it with UTF-8 encoding"));
            return null;
        }

        return text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;
    }

    private static SourceLocation At(ReadOnlySpan<byte> bytes, int index, string displayPath)
    {
        var before = bytes[..Math.Min(index, bytes.Length)];
        var line = before.Count((byte)'\n') + 1;
        var lastNewline = before.LastIndexOf((byte)'\n');
        // Everything before the first bad byte is valid UTF-8: count its characters, as an editor's column does.
        var column = Encoding.UTF8.GetCharCount(before[(lastNewline + 1)..]) + 1;
        return new SourceLocation(displayPath, line, column);
    }
}
