using KneeGuide.Core;
using KneeGuide.Site.Content;
using KneeGuide.Site.Diagnostics;
using KneeGuide.Site.Markdown;
using KneeGuide.Site.Media.Images;

namespace KneeGuide.Site.Media;

/// <summary>
/// Output phase of the Validation pipeline: warnings about how pages use their pictures, once the
/// copies exist and their sizes are known. A source file over the size budget (it slows every build
/// and the repository), a page whose pictures weigh more on a phone than the page budget, a photo
/// narrower than the full-width slot it fills (blurry), and a drawing with no size (the page moves
/// when it loads). Each is reported at the place the picture is written.
/// </summary>
public sealed class CheckImageUse(string[] contentPipelines) : IModule
{
    /// <summary>The phone a page's weight is measured for: 390 CSS pixels wide (less the page's padding) at 2 device pixels per CSS pixel.</summary>
    private const int PhoneSlotPixels = (390 - 32) * 2;

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var media = context.GetService<MediaLibrary>();
        var settings = context.GetService<SiteInputs>().Config.Images;
        var sizes = context.Outputs[SitePipelineNames.Images]
            .Where(d => d.Destination is not null)
            .ToDictionary(d => d.Destination!, d => SizeOf(d.Content), StringComparer.Ordinal);
        var reportedSources = new HashSet<string>(StringComparer.Ordinal);
        var pages = contentPipelines.SelectMany(p => context.Outputs[p])
            .Where(d => d.Get<ContentPage>() is { Published: true, Failed: false })
            .OrderBy(d => d.Source, StringComparer.Ordinal);
        foreach (var doc in pages)
        {
            var page = doc.Require<ContentPage>();
            var uses = new List<(ImageUse Use, bool FillsSlot)>();
            if (page.Image is { } lead)
            {
                uses.Add((new ImageUse(lead.Value, lead.Location), true));
            }

            uses.AddRange((doc.Get<BodyFacts>()?.Images ?? []).Select(i => (i, false)));
            long weight = 0;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var overBudget = false;
            foreach (var (use, fillsSlot) in uses)
            {
                if (!media.Images.TryGetValue(use.File, out var image))
                {
                    continue;
                }

                if (image.SourceBytes > settings.MaxSourceKb * 1024L && reportedSources.Add(use.File))
                {
                    context.Diagnostics.Add(Diagnostic.Warning(ErrorCodes.LargeSourceImage, use.At,
                        $"images/{use.File} is {Kilobytes(image.SourceBytes)} KB, over the {settings.MaxSourceKb} KB budget (images.max_source_kb in site.yml): readers get small copies, but a file this big slows every build and the repository. Save it as a JPEG at most 4000 pixels wide"));
                }

                if (image.Width == 0 && reportedSources.Add(use.File + "#size"))
                {
                    context.Diagnostics.Add(Diagnostic.Warning(ErrorCodes.SvgWithoutSize, use.At,
                        $"images/{use.File} does not say how big it is, so the page jumps when it loads: give its <svg> tag a width and height, or a viewBox (e.g. viewBox=\"0 0 480 320\")"));
                }

                if (fillsSlot && image.IsRaster && image.Width < ImageSlot.Content.CssWidth)
                {
                    context.Diagnostics.Add(Diagnostic.Warning(ErrorCodes.ImageTooSmall, use.At,
                        $"images/{use.File} is {image.Width} pixels wide but is shown up to {ImageSlot.Content.CssWidth} wide here, so it looks blurry: use a photo at least {ImageSlot.Content.CssWidth * 2} pixels wide"));
                }

                if (!seen.Add(use.File))
                {
                    continue;
                }

                weight += PhoneBytes(image, sizes);
                if (!overBudget && weight > settings.PageBudgetKb * 1024L)
                {
                    overBudget = true;
                    context.Diagnostics.Add(Diagnostic.Warning(ErrorCodes.PageImageBudget, use.At,
                        $"with this picture the page's images weigh {Kilobytes(weight)} KB on a phone, over the {settings.PageBudgetKb} KB budget (images.page_budget_kb in site.yml): patients on a slow connection wait for them. Use fewer photos, or move some to another page"));
                }
            }
        }

        return Task.FromResult(inputs);
    }

    /// <summary>The bytes a phone downloads for the picture: the WebP copy it picks from the srcset, or the drawing itself.</summary>
    private static long PhoneBytes(MediaImage image, IReadOnlyDictionary<string, long> sizes)
    {
        if (!image.IsRaster)
        {
            return image.SourceBytes;
        }

        var webp = image.Derivatives.Where(d => d.Spec.Format == DerivativeFormat.Webp).ToList();
        var picked = webp.FirstOrDefault(d => d.Spec.Width >= PhoneSlotPixels) ?? webp.LastOrDefault();
        return picked is not null && sizes.TryGetValue(picked.Destination, out var bytes) ? bytes : 0;
    }

    private static long SizeOf(DocumentContent content) => content switch
    {
        FileContent file => new FileInfo(file.AbsolutePath).Length,
        Utf8Content bytes => bytes.Bytes.Length,
        _ => 0,
    };

    private static long Kilobytes(long bytes) => (bytes + 1023) / 1024;
}
