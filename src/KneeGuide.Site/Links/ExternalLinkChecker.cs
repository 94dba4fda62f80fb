using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace KneeGuide.Site.Links;

/// <summary>How the external link check behaves. The defaults are polite to other people's servers.</summary>
public sealed record ExternalCheckOptions
{
    /// <summary>Where successful answers are remembered; null keeps no cache.</summary>
    public string? CacheFile { get; init; }

    public TimeSpan CacheMaxAge { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Time allowed for one request before it counts as failed (and is retried).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Extra attempts after the first one, for 429, 503, timeouts and connection errors.</summary>
    public int Retries { get; init; } = 3;

    /// <summary>First backoff delay; doubled on each retry unless the server sends Retry-After.</summary>
    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait a Retry-After may impose; a server asking for more fails the link.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    public int MaxConcurrency { get; init; } = 8;

    public int MaxPerHost { get; init; } = 2;

    /// <summary>URL prefixes never requested (site.yml link_check_ignore).</summary>
    public IReadOnlyList<string> Ignore { get; init; } = [];

    /// <summary>For tests: the handler requests go through (a loopback server in practice).</summary>
    public HttpMessageHandler? Handler { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

/// <summary>The answer for one external URL.</summary>
public sealed record ExternalLinkResult(string Url, bool Ok, string Detail, int Requests, bool FromCache)
{
    public static ExternalLinkResult Skipped(string url) => new(url, true, "ignored", 0, false);
}

/// <summary>
/// Checks external http(s) links: each distinct URL once, at most <see cref="ExternalCheckOptions.MaxConcurrency"/>
/// requests at a time and <see cref="ExternalCheckOptions.MaxPerHost"/> per host, HEAD first and GET when
/// the server refuses HEAD (405, 501), retries with exponential backoff that honour Retry-After (seconds
/// or an HTTP date) on 429 and 503, and a disk cache of successes only.
/// </summary>
public sealed class ExternalLinkChecker(ExternalCheckOptions options)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public bool IsIgnored(string url) => options.Ignore.Any(prefix => prefix.Length > 0 && url.StartsWith(prefix, StringComparison.Ordinal));

    public async Task<IReadOnlyDictionary<string, ExternalLinkResult>> CheckAsync(IEnumerable<string> urls, CancellationToken cancellationToken = default)
    {
        var cache = new ExternalLinkCache(options.CacheFile, options.CacheMaxAge, options.Clock);
        var distinct = urls.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var results = new ConcurrentDictionary<string, ExternalLinkResult>(StringComparer.Ordinal);
        using var client = CreateClient();
        using var overall = new SemaphoreSlim(options.MaxConcurrency);
        await Task.WhenAll(distinct.Select(async url =>
        {
            if (IsIgnored(url))
            {
                results[url] = ExternalLinkResult.Skipped(url);
                return;
            }

            if (cache.IsFresh(url))
            {
                results[url] = new ExternalLinkResult(url, true, "cached", 0, true);
                return;
            }

            var result = await CheckOneAsync(client, overall, url, cancellationToken);
            if (result.Ok)
            {
                cache.RecordSuccess(url);
            }
            else
            {
                cache.RecordFailure(url);
            }

            results[url] = result;
        }));

        cache.Save();
        return new SortedDictionary<string, ExternalLinkResult>(results, StringComparer.Ordinal);
    }

    private HttpClient CreateClient()
    {
        var handler = options.Handler ?? new SocketsHttpHandler { AllowAutoRedirect = true, MaxAutomaticRedirections = 10, AutomaticDecompression = DecompressionMethods.All };
        var client = new HttpClient(handler, disposeHandler: options.Handler is null) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("KneeGuide-LinkCheck", "1.0"));
        return client;
    }

    private async Task<ExternalLinkResult> CheckOneAsync(HttpClient client, SemaphoreSlim overall, string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return new ExternalLinkResult(url, false, "not a valid http(s) URL", 0, false);
        }

        var host = _hosts.GetOrAdd(uri.Authority, _ => new SemaphoreSlim(options.MaxPerHost));
        var requests = 0;
        var useGet = false;
        for (var attempt = 0; ; attempt++)
        {
            TimeSpan? wait;
            string detail;
            await host.WaitAsync(cancellationToken);
            await overall.WaitAsync(cancellationToken);
            try
            {
                requests++;
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.Timeout);
                using var request = new HttpRequestMessage(useGet ? HttpMethod.Get : HttpMethod.Head, uri);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var status = (int)response.StatusCode;
                if (!useGet && status is 405 or 501)
                {
                    // The server refuses HEAD: ask again with GET, at once and without using up a retry.
                    useGet = true;
                    attempt--;
                    continue;
                }

                if (status < 400)
                {
                    return new ExternalLinkResult(url, true, $"HTTP {status}", requests, false);
                }

                detail = $"HTTP {status} {response.ReasonPhrase}".TrimEnd();
                wait = status is 429 or 503 ? RetryAfter(response.Headers.RetryAfter) ?? Backoff(attempt) : null;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                detail = $"no answer within {options.Timeout.TotalSeconds:0.#} s";
                wait = Backoff(attempt);
            }
            catch (HttpRequestException e)
            {
                detail = e.HttpRequestError == HttpRequestError.NameResolutionError ? "the host name does not resolve" : $"connection failed ({e.HttpRequestError})";
                wait = e.HttpRequestError == HttpRequestError.NameResolutionError ? null : Backoff(attempt);
            }
            finally
            {
                overall.Release();
                host.Release();
            }

            if (wait is null || attempt >= options.Retries)
            {
                return new ExternalLinkResult(url, false, detail, requests, false);
            }

            if (wait > options.MaxRetryAfter)
            {
                return new ExternalLinkResult(url, false, $"{detail}; the server asks to wait {wait.Value.TotalSeconds:0} s", requests, false);
            }

            // The wait happens outside both limits, so other hosts keep being checked meanwhile.
            await Task.Delay(wait.Value, options.Clock, cancellationToken);
        }
    }

    private TimeSpan Backoff(int attempt) => options.BackoffBase * Math.Pow(2, attempt);

    /// <summary>Retry-After as a number of seconds or as an HTTP date (RFC 9110 §10.2.3).</summary>
    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - options.Clock.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
