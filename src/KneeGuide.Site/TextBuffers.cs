using System.Text;

namespace KneeGuide.Site;

/// <summary>Reading the per-thread text buffers the renderers reuse.</summary>
internal static class TextBuffers
{
    /// <summary>The buffer's text without copying it when it is one block (as it is once it has grown to a page's size).</summary>
    public static ReadOnlySpan<char> Contents(StringBuilder buffer)
    {
        var chunks = buffer.GetChunks();
        if (chunks.MoveNext() && chunks.Current.Length == buffer.Length)
        {
            return chunks.Current.Span;
        }

        return buffer.ToString();
    }

    public static byte[] Utf8(ReadOnlySpan<char> text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text)];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }
}
