using KneeGuide.Core;
using KneeGuide.Core.Caching;
using KneeGuide.Site.Content;
using KneeGuide.Site.Links;
using KneeGuide.Site.Markdown;
using KneeGuide.Site.Search;
using KneeGuide.Site.SiteFiles;

namespace KneeGuide.Site.Caching;

/// <summary>
/// The cache codecs of every facet the site's cached chains make. The facets every build reads for
/// every page (ContentPage, BodyFacts, the search entry) are written field by field, for speed; the typed
/// front matter goes through <see cref="ModelCodec"/>, which follows the models themselves.
/// </summary>
public static class SiteCodecs
{
    /// <summary>Every page names a few hundred of the same few thousand shard keys: one string each.</summary>
    private static readonly InternedStrings ShardKeys = new();

    public static FacetCodecs Create() => new FacetCodecs()
        .Add<ContentPage>("page", WritePage, ReadPage)
        .Add<ArticleFrontMatter>("article-fm", ModelCodec.Write, ModelCodec.Read<ArticleFrontMatter>)
        .Add<ExerciseFrontMatter>("exercise-fm", ModelCodec.Write, ModelCodec.Read<ExerciseFrontMatter>)
        .Add<PageFrontMatter>("page-fm", ModelCodec.Write, ModelCodec.Read<PageFrontMatter>)
        .Add<RenderedMarkdown>("body", WriteBody, ReadBody)
        .Add<RenderedSteps>("steps", (w, s) => { w.WriteStrings(s.Html); w.WriteList(s.Links, WriteLink); }, r => new RenderedSteps(r.ReadStrings(), r.ReadList(ReadLink)))
        .Add<BodyFacts>("body-facts", WriteFacts, ReadFacts)
        .Add<SearchPostings>("search-postings", WritePostings, ReadPostings)
        .Add<SearchPageFile>("search-page", (w, f) => w.WriteBytes(f.Json), r => new SearchPageFile(r.ReadBytes().ToArray()))
        .Add<SearchShards>("search-shards", WriteShards, ReadShards)
        .Add<SearchEntriesInOtherLanguages>("search-other-languages", (w, e) => w.WriteList(e.Entries, static (w, x) => { w.WriteString(x.Code); WritePostings(w, x.Postings); WriteShards(w, x.Shards); }), r => new SearchEntriesInOtherLanguages(r.ReadList(static r => new SearchEntryInLanguage(r.ReadRequiredString(), ReadPostings(r), ReadShards(r)))))
        .Add<PageLinks>("page-links", WritePageLinks, ReadPageLinks)
        .Add<GeneratedPage>("generated-page", WriteGenerated, ReadGenerated);

    private static void WriteShards(CacheWriter w, SearchShards s)
    {
        w.WriteStrings(s.Keys);
        w.WriteList(s.Hashes, static (w, h) => w.WriteUInt(h));
    }

    private static SearchShards ReadShards(CacheReader r) => new(r.ReadStringArray(ShardKeys), r.ReadUIntArray());

    private static void WritePostings(CacheWriter w, SearchPostings p)
    {
        w.WriteStrings(p.Terms);
        w.WriteList(p.Impacts, static (w, x) => w.WriteInt(x));
        w.WriteList(p.Masks, static (w, x) => w.WriteInt(x));
        w.WriteStrings(p.Words);
        w.WriteStrings(p.WordTerms);
    }

    private static SearchPostings ReadPostings(CacheReader r) =>
        new([.. r.ReadStrings()], [.. r.ReadList(static r => r.ReadInt())], [.. r.ReadList(static r => r.ReadInt())], [.. r.ReadStrings()], [.. r.ReadStrings()]);

    private static void WriteGenerated(CacheWriter w, GeneratedPage g)
    {
        w.WriteString(g.Layout);
        w.WriteString(g.Title);
        w.WriteString(g.Url);
        w.WriteString(g.Description);
        w.WriteString(g.ParentTitle);
        w.WriteString(g.ParentUrl);
        w.WriteString(g.List);
        w.WriteString(g.Tag);
        w.WriteString(g.Language);
    }

    private static GeneratedPage ReadGenerated(CacheReader r) =>
        new(r.ReadRequiredString(), r.ReadRequiredString(), r.ReadRequiredString(), r.ReadRequiredString(), r.ReadString(), r.ReadString(), r.ReadRequiredString(), r.ReadString(), r.ReadString());

    private static void WritePage(CacheWriter w, ContentPage p)
    {
        w.WriteString(p.Source);
        w.WriteString(p.Display);
        w.WriteInt((int)p.Kind);
        w.WriteString(p.Slug);
        w.WriteString(p.Url);
        w.WriteString(p.Title);
        w.WriteString(p.Description);
        w.WriteDate(p.Date);
        w.WriteDate(p.Updated);
        w.WriteBool(p.Reviewed is not null);
        if (p.Reviewed is { } review)
        {
            w.WriteString(review.By);
            w.WriteDate(review.On);
        }

        w.WriteBool(p.ReviewedAt is not null);
        if (p.ReviewedAt is { } at)
        {
            w.WriteLocation(at);
        }

        w.WriteList(p.Tags, WriteLocated);
        w.WriteList(p.Exercises, WriteLocated);
        w.WriteList(p.Mobility, WriteLocated);
        w.WriteBool(p.Image is not null);
        if (p.Image is { } image)
        {
            WriteLocated(w, image);
        }

        w.WriteList(p.RedirectFrom, WriteLocated);
        w.WriteBool(p.Draft);
        w.WriteBool(p.Failed);
        w.WriteBool(p.Published);
        w.WriteBool(p.LinkCheck);
        w.WriteString(p.Language);
        w.WriteString(p.OriginalSource);
        w.WriteBool(p.Stale);
    }

    private static ContentPage ReadPage(CacheReader r) => new()
    {
        Source = r.ReadRequiredString(),
        Display = r.ReadRequiredString(),
        Kind = (ContentKind)r.ReadInt(),
        Slug = r.ReadRequiredString(),
        Url = r.ReadRequiredString(),
        Title = r.ReadRequiredString(),
        Description = r.ReadString(),
        Date = r.ReadDate(),
        Updated = r.ReadDate(),
        Reviewed = r.ReadBool() ? new Review { By = r.ReadRequiredString(), On = r.ReadDate() ?? default } : null,
        ReviewedAt = r.ReadBool() ? r.ReadLocation() : null,
        Tags = r.ReadList(ReadLocated),
        Exercises = r.ReadList(ReadLocated),
        Mobility = r.ReadList(ReadLocated),
        Image = r.ReadBool() ? ReadLocated(r) : null,
        RedirectFrom = r.ReadList(ReadLocated),
        Draft = r.ReadBool(),
        Failed = r.ReadBool(),
        Published = r.ReadBool(),
        LinkCheck = r.ReadBool(),
        Language = r.ReadString(),
        OriginalSource = r.ReadString(),
        Stale = r.ReadBool(),
    };

    private static void WriteBody(CacheWriter w, RenderedMarkdown b)
    {
        w.WriteBytes(b.Utf8Html);
        w.WriteList(b.Headings, static (w, h) => { w.WriteInt(h.Level); w.WriteString(h.Text); w.WriteString(h.Id); });
        w.WriteList(b.Links, WriteLink);
        w.WriteList(b.Ids, static (w, i) => { w.WriteString(i.Id); w.WriteLocation(i.At); });
        w.WriteBool(b.EmbedsVideo);
    }

    private static RenderedMarkdown ReadBody(CacheReader r) => new()
    {
        Utf8Html = r.ReadBytes().ToArray(),
        Headings = r.ReadList(static r => new Heading(r.ReadInt(), r.ReadRequiredString(), r.ReadRequiredString())),
        Links = r.ReadList(ReadLink),
        Ids = r.ReadList(static r => (r.ReadRequiredString(), r.ReadLocation())),
        EmbedsVideo = r.ReadBool(),
    };

    private static void WriteFacts(CacheWriter w, BodyFacts f)
    {
        w.WriteStrings(f.InlineCards);
        w.WriteList(f.Images, static (w, i) => { w.WriteString(i.File); w.WriteLocation(i.At); });
        w.WriteList(f.MissingTargets, static (w, m) =>
        {
            w.WriteLocation(m.At);
            w.WriteString(m.Written);
            w.WriteString(m.Target);
            w.WriteString(m.Fragment);
            w.WriteBool(m.IsImage);
            w.WriteString(m.FromSource);
        });
        w.WriteList(f.Videos, static (w, i) => { w.WriteString(i.File); w.WriteLocation(i.At); });
    }

    private static BodyFacts ReadFacts(CacheReader r) => new(
        r.ReadStrings(),
        r.ReadList(static r => new ImageUse(r.ReadRequiredString(), r.ReadLocation())),
        r.ReadList(static r => new MissingLinkTarget(r.ReadLocation(), r.ReadRequiredString(), r.ReadRequiredString(), r.ReadString(), r.ReadBool(), r.ReadRequiredString())))
    {
        Videos = r.ReadList(static r => new ImageUse(r.ReadRequiredString(), r.ReadLocation())),
    };

    private static void WritePageLinks(CacheWriter w, PageLinks p)
    {
        w.WriteString(p.Url);
        w.WriteList(p.Links, WriteLink);
        w.WriteStrings(p.Ids.Order(StringComparer.Ordinal).ToList());
        w.WriteList(p.DuplicateIds, static (w, d) => { w.WriteString(d.Id); w.WriteLocation(d.At); });
        w.WriteStrings(p.ContentIds);
    }

    private static PageLinks ReadPageLinks(CacheReader r) => new(
        r.ReadRequiredString(),
        r.ReadList(ReadLink),
        r.ReadStrings().ToHashSet(StringComparer.Ordinal),
        r.ReadList(static r => (r.ReadRequiredString(), r.ReadLocation())),
        r.ReadStrings());

    private static void WriteLink(CacheWriter w, LinkReference l)
    {
        w.WriteLocation(l.Location);
        w.WriteString(l.Href);
        w.WriteInt((int)l.Origin);
        w.WriteBool(l.IsImage);
        w.WriteBool(l.NoCheck);
    }

    private static LinkReference ReadLink(CacheReader r) =>
        new(r.ReadLocation(), r.ReadRequiredString(), (LinkOrigin)r.ReadInt(), r.ReadBool()) { NoCheck = r.ReadBool() };

    private static void WriteLocated(CacheWriter w, Located<string> value)
    {
        w.WriteString(value.Value);
        w.WriteLocation(value.Location);
    }

    private static Located<string> ReadLocated(CacheReader r) => new(r.ReadRequiredString(), r.ReadLocation());
}
