using System.Text;
using Microsoft.Extensions.ObjectPool;

namespace KneeGuide.Site;

/// <summary>
/// Text buffers the renderers reuse, from a pool: a caller rents one, owns it until it returns it
/// (<c>using var buffer = TextBuffers.Rent();</c>), and no other code can touch it meanwhile, so
/// nested renders (a card inside a page) each get their own. A buffer that grew past
/// <see cref="MaxKeptChars"/> for one huge page is let go rather than kept for the rest of the process.
/// </summary>
internal static class TextBuffers
{
    private const int MaxKeptChars = 256 * 1024;

    private static readonly ObjectPool<StringBuilder> Pool =
        new DefaultObjectPoolProvider { MaximumRetained = Environment.ProcessorCount * 4 }.CreateStringBuilderPool(16 * 1024, MaxKeptChars);

    public static Lease Rent() => new(Pool.Get());

    /// <summary>A rented buffer; disposing it returns it to the pool (emptied).</summary>
    public readonly struct Lease(StringBuilder builder) : IDisposable
    {
        public StringBuilder Builder { get; } = builder;

        public void Dispose() => Pool.Return(Builder);
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
