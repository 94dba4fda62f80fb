using KneeGuide.Core;

namespace KneeGuide.Site.Output;

/// <summary>
/// Writes each document that has a destination into the staging folder. Most pipelines run it in the
/// Output phase. The content pipelines run it in PostProcess right after RenderPages with
/// <c>releaseContent</c>: the engine takes each page through both modules in one pass, so a page's
/// HTML is written as soon as it is rendered and dropped, and the site's HTML is never all in memory
/// at once (the documents keep their links and ids for validation).
/// </summary>
public sealed class WriteFiles(bool releaseContent = false) : ParallelModule
{
    protected override Document? Execute(Document input, IExecutionContext context)
    {
        // A build that already has errors publishes nothing: don't spend time writing it.
        if (input.Destination is null || context.Diagnostics.HasErrors)
        {
            return input;
        }

        // Two documents at one address is an error (CheckOutputPaths reports it); only the first is
        // written, so two writers never race on one file.
        var staging = context.GetService<OutputStaging>();
        if (!staging.TryClaim(input.Destination))
        {
            return input;
        }

        input.Content.WriteTo(staging.PathFor(input.Destination));
        if (!releaseContent)
        {
            return input;
        }

        // Nothing reads this document's content after this point: a rented buffer can go back.
        (input.Content as RentedUtf8Content)?.Release();
        return input.WithContent(DocumentContent.Written);
    }
}
