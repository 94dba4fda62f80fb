using KneeGuide.Site.Search.Stemming;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace KneeGuide.Tests.Search;

/// <summary>
/// The build's stemmers reproduce the shared vectors (made from Lucene.Net's Snowball stemmers, which
/// the browser's stemmers.js must match too: KneeGuide.BrowserTests checks that side), from any thread.
/// </summary>
public sealed class StemmerVectorTests
{
    public static TheoryData<string> Languages => new(StemmerVectorFiles.Languages);

    [Theory]
    [MemberData(nameof(Languages))]
    public void Stemmer_reproduces_every_vector(string language)
    {
        var vectors = StemmerVectorFiles.Read(language);
        Assert.True(vectors.Count > 20_000, $"{StemmerVectorFiles.PathOf(language)} has only {vectors.Count} lines");
        var stemmer = Stemmer.For(language)!;

        var mismatches = new List<string>();
        var lineNumber = 0;
        foreach (var (word, expected) in vectors)
        {
            lineNumber++;
            var actual = stemmer.Stem(word);
            if (actual != expected)
            {
                mismatches.Add($"{language}.tsv:{lineNumber}: {word} -> {actual}, expected {expected}");
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {vectors.Count} words stem differently; the first:\n" + string.Join("\n", mismatches.Take(20)));
    }

    [Fact]
    public void For_returns_the_english_and_spanish_stemmers_and_null_for_other_languages()
    {
        Assert.Equal("en", Stemmer.For("en")!.LanguageCode);
        Assert.Equal("es", Stemmer.For("es")!.LanguageCode);
        Assert.Same(Stemmer.For("en"), Stemmer.For("EN-gb"));
        Assert.Same(Stemmer.For("es"), Stemmer.For("es_MX"));
        Assert.Null(Stemmer.For("fr"));
        Assert.Null(Stemmer.For(""));
        Assert.Null(Stemmer.For("eng"));
    }

    [Fact]
    public void Stem_of_a_span_is_the_stem_of_the_string()
    {
        var stemmer = Stemmer.For("en")!;
        Assert.Equal("stretch", stemmer.Stem("stretched".AsSpan()));
        Assert.Equal("stretch", stemmer.Stem("the stretched hamstrings".AsSpan(4, 9)));
        Assert.Equal("hamstr", stemmer.Stem("hamstrings"));
        Assert.Equal("estir", Stemmer.For("es")!.Stem("estiramientos"));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Parallel_stemming_gives_the_same_stems(string language)
    {
        // A new stemmer, so its memo starts empty and the threads really share the Lucene stemmers'
        // work, the first word of each thread racing the others; then again from the memo.
        var stemmer = new SnowballStemmer(language, () => language == "en" ? new EnglishStemmer() : new SpanishStemmer());
        var vectors = StemmerVectorFiles.Read(language);
        for (var round = 0; round < 2; round++)
        {
            var wrong = 0;
            Parallel.For(0, vectors.Count * 2, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            {
                var (word, expected) = vectors[i % vectors.Count];
                var actual = i < vectors.Count ? stemmer.Stem(word) : stemmer.Stem(word.AsSpan());
                if (actual != expected)
                {
                    Interlocked.Increment(ref wrong);
                }
            });
            Assert.Equal(0, wrong);
        }
    }
}
