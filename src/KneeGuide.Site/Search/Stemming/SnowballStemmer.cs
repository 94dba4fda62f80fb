using System.Collections.Concurrent;
using Lucene.Net.Tartarus.Snowball;

namespace KneeGuide.Site.Search.Stemming;

/// <summary>
/// A Lucene.Net Snowball stemmer made safe for the build's many threads. A SnowballProgram keeps the
/// word it works on in fields, so each thread gets its own; and since a site's vocabulary is small and
/// every page repeats it, each word is stemmed once and remembered.
/// </summary>
internal sealed class SnowballStemmer : Stemmer
{
    /// <summary>
    /// Past this many distinct words (far beyond any site's vocabulary: the English dictionary has about
    /// 100,000) new words are stemmed every time rather than remembered, so a long `serve` session fed
    /// odd input cannot grow the memo without bound.
    /// </summary>
    internal const int MaxMemoizedWords = 200_000;

    private readonly ThreadLocal<SnowballProgram> _program;
    private readonly ConcurrentDictionary<string, string> _stems = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _stemsBySpan;
    private int _memoized; // ConcurrentDictionary.Count takes every lock: count additions instead

    public SnowballStemmer(string languageCode, Func<SnowballProgram> createProgram)
        : base(languageCode)
    {
        _program = new ThreadLocal<SnowballProgram>(createProgram);
        _stemsBySpan = _stems.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public override string Stem(string lowercaseWord)
    {
        ArgumentNullException.ThrowIfNull(lowercaseWord);
        return _stems.TryGetValue(lowercaseWord, out var stem) ? stem : StemAndRemember(lowercaseWord);
    }

    public override string Stem(ReadOnlySpan<char> lowercaseWord) =>
        _stemsBySpan.TryGetValue(lowercaseWord, out var stem) ? stem : StemAndRemember(lowercaseWord.ToString());

    private string StemAndRemember(string word)
    {
        var program = _program.Value!;
        program.SetCurrent(word);
        program.Stem();
        var stem = program.Current;
        // Two threads may stem the same new word at once; both get the same answer, one is kept.
        if (Volatile.Read(ref _memoized) < MaxMemoizedWords && _stems.TryAdd(word, stem))
        {
            Interlocked.Increment(ref _memoized);
        }

        return stem;
    }
}
