using KneeGuide.Core.Caching;

namespace KneeGuide.Site.Templates;

/// <summary>
/// The hash of what a view shows: the value of a view fact in the build cache. Every field a template
/// can print goes in, so two views with the same hash render the same.
/// </summary>
public static class ViewHashes
{
    public static UInt128 Of(LinkView? link) => Add(new ContentHash.Builder(), link).Finish();

    public static UInt128 Of(IReadOnlyList<LinkView> links)
    {
        var hash = new ContentHash.Builder().Add(links.Count);
        foreach (var link in links)
        {
            Add(hash, link);
        }

        return hash.Finish();
    }

    public static UInt128 Of(IReadOnlyList<AlternateView> alternates) =>
        alternates.Aggregate(new ContentHash.Builder().Add(alternates.Count), (h, a) => h.Add(a.Code).Add(a.Name).Add(a.Dir).Add(a.Url).Add(a.AbsoluteUrl)).Finish();

    public static UInt128 Of(TagView tag) => new ContentHash.Builder().Add(tag.Name).Add(tag.Title).Add(tag.Url).Add(tag.Count).Finish();

    public static UInt128 Of(IReadOnlyList<TagView> tags) =>
        tags.Aggregate(new ContentHash.Builder().Add(tags.Count), (h, t) => h.Add(Of(t))).Finish();

    public static UInt128 Of(Content.Progression p) =>
        new ContentHash.Builder().Add(p.Easier.Count).AddAll(p.Easier).Add(p.Harder.Count).AddAll(p.Harder).Finish();

    public static UInt128 Of(ImageView? image) => Add(new ContentHash.Builder(), image).Finish();

    public static UInt128 Of(ExerciseView? exercise)
    {
        var hash = new ContentHash.Builder();
        if (exercise is null)
        {
            return hash.Add("none").Finish();
        }

        hash.Add(exercise.Id).Add(exercise.Hreflang).Add(exercise.Title).Add(exercise.Summary).Add(exercise.Url).Add(exercise.Difficulty)
            .AddAll(exercise.Targets).AddAll(exercise.Equipment).AddAll(exercise.TargetTitles).AddAll(exercise.EquipmentTitles).AddAll(exercise.Steps).AddAll(exercise.Cautions);
        var d = exercise.Dosage;
        hash.Add(d.Sets).Add(d.Reps).Add(d.HoldSeconds ?? -1).Add(d.Side).Add(d.Frequency).Add(d.Text);
        hash.Add(exercise.Video?.Html).Add(exercise.Video?.Online ?? false);
        return Add(hash, exercise.Image).Finish();
    }

    public static UInt128 Of(IReadOnlyList<ExerciseView> exercises) =>
        exercises.Aggregate(new ContentHash.Builder().Add(exercises.Count), (h, e) => h.Add(Of(e))).Finish();

    public static UInt128 Of(IReadOnlyList<CreditView> credits)
    {
        var hash = new ContentHash.Builder().Add(credits.Count);
        foreach (var c in credits)
        {
            hash.Add(c.File).Add(c.Url).Add(c.Title).Add(c.Author).Add(c.Source).Add(c.License).Add(c.LicenseUrl).Add(Of(c.UsedOn)).Add(c.Kind);
        }

        return hash.Finish();
    }

    public static UInt128 Of(SiteView site)
    {
        var hash = new ContentHash.Builder().Add(site.Title).Add(site.Description).Add(site.Language).Add(site.Dir).Add(site.BaseUrl).Add(site.Disclaimer)
            .Add(site.Clinic?.Name).Add(site.Clinic?.Url).Add(site.Clinic?.Phone).Add(site.Clinic?.Email)
            .Add(Of(site.Nav)).Add(site.PainRule.Acceptable).Add(site.PainRule.Text).Add(site.Root).Add(site.HomeUrl).Add(site.DefaultLanguage);
        return hash.Finish();
    }

    private static ContentHash.Builder Add(ContentHash.Builder hash, LinkView? link) =>
        link is null ? hash.Add("none") : hash.Add(link.Title).Add(link.Url).Add(link.Description).Add(link.Current).Add(link.Kind).Add(link.Hreflang);

    private static ContentHash.Builder Add(ContentHash.Builder hash, ImageView? image) =>
        image is null ? hash.Add("none") : hash.Add(image.Url).Add(image.Alt).Add(image.Title).Add(image.CreditHtml)
            .Add(image.Picture).Add(image.CardPicture).Add(image.OpenGraph?.Url).Add(image.OpenGraph?.Width ?? 0).Add(image.OpenGraph?.Height ?? 0);
}
