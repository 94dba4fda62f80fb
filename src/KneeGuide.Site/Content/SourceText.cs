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
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(absolutePath);
        }
        catch (IOException e)
        {
            diagnostics.Add(Diagnostic.Error(ErrorCodes.UnreadableFile, SourceLocation.InFile(displayPath), $"cannot read the file: {e.Message}"));
            return null;
        }

        var span = bytes.AsSpan();
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
