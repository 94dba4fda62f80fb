using System.Text;

namespace KneeGuide.Site;

/// <summary>The per-thread text buffers the renderers reuse, and reading them.</summary>
internal static class TextBuffers
{
    // A buffer that grew past this for one huge page (a section listing thousands of articles) is
    // not kept afterwards: it would pin megabytes per thread for the rest of the process (`serve`).
    private const int MaxKeptChars = 256 * 1024;

    /// <summary>The thread's buffer in <paramref name="slot"/>, emptied (made on first use).</summary>
    public static StringBuilder Take(ref StringBuilder? slot, int initialChars) => (slot ??= new StringBuilder(initialChars)).Clear();

    /// <summary>Called when done with the buffer: lets an oversized one go.</summary>
    public static void Done(ref StringBuilder? slot)
    {
        if (slot is { Capacity: > MaxKeptChars })
        {
            slot = null;
        }
    }

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
