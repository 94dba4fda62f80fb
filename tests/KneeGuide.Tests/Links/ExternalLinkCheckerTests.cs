using System.Diagnostics;
using KneeGuide.Site.Links;

namespace KneeGuide.Tests.Links;

/// <summary>The external link checker against a scripted server on 127.0.0.1 only.</summary>
public sealed class ExternalLinkCheckerTests : IDisposable
{
    private readonly ExternalLinkServer _server = new();
    private readonly string _cacheFile = Path.Combine(Path.GetTempPath(), "kneeguide-tests", Guid.NewGuid().ToString("N")[..12], "link-cache.json");

    /// <summary>Settings for tests: a timeout generous enough for a loaded machine, a tiny backoff, cache in a temp file.</summary>
    private ExternalCheckOptions Options(TimeProvider? clock = null) => new()
    {
        CacheFile = _cacheFile,
        Timeout = TimeSpan.FromSeconds(5),
        Retries = 2,
        BackoffBase = TimeSpan.FromMilliseconds(20),
        Clock = clock ?? TimeProvider.System,
    };

    private async Task<ExternalLinkResult> CheckOne(string path, ExternalCheckOptions? options = null)
    {
        var results = await new ExternalLinkChecker(options ?? Options()).CheckAsync([_server.Url(path)]);
        return results[_server.Url(path)];
    }

    [Fact]
    public async Task A_link_answering_200_is_ok_after_one_HEAD_request()
    {
        _server.Status("/ok", 200);

        var result = await CheckOne("/ok");

        Assert.True(result.Ok, result.Detail);
        Assert.Equal([("HEAD", "/ok")], _server.Requests);
    }

    [Fact]
    public async Task A_link_answering_404_fails_with_the_status_and_is_not_retried()
    {
        _server.Status("/gone", 404);

        var result = await CheckOne("/gone");

        Assert.False(result.Ok);
        Assert.Contains("404", result.Detail);
        Assert.Equal(1, _server.RequestsTo("/gone"));
    }

    [Fact]
    public async Task A_429_with_Retry_After_in_seconds_is_retried_after_that_wait_then_ok()
    {
        _server.On("/busy", (c, n) => n == 0 ? ExternalLinkServer.Respond(c, 429, "1") : ExternalLinkServer.Respond(c, 200));
        var watch = Stopwatch.StartNew();

        var result = await CheckOne("/busy");

        Assert.True(result.Ok, result.Detail);
        Assert.Equal(2, _server.RequestsTo("/busy"));
        // The backoff alone would wait 20 ms: the second request waited for the server's 1 s.
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {watch.Elapsed}");
    }

    [Fact]
    public async Task A_429_with_Retry_After_as_an_HTTP_date_waits_until_that_date()
    {
        _server.On("/dated", (c, n) => n == 0
            ? ExternalLinkServer.Respond(c, 429, DateTimeOffset.UtcNow.AddSeconds(2).ToString("R"))
            : ExternalLinkServer.Respond(c, 200));
        var watch = Stopwatch.StartNew();

        var result = await CheckOne("/dated");

        Assert.True(result.Ok, result.Detail);
        Assert.Equal(2, _server.RequestsTo("/dated"));
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {watch.Elapsed}");
    }

    [Fact]
    public async Task A_503_is_retried_with_backoff_then_ok()
    {
        _server.On("/flaky", (c, n) => ExternalLinkServer.Respond(c, n < 2 ? 503 : 200));

        var result = await CheckOne("/flaky");

        Assert.True(result.Ok, result.Detail);
        Assert.Equal(3, _server.RequestsTo("/flaky"));
    }

    [Fact]
    public async Task A_server_that_stays_unavailable_fails_after_the_retries()
    {
        _server.Status("/down", 503);

        var result = await CheckOne("/down");

        Assert.False(result.Ok);
        Assert.Contains("503", result.Detail);
        Assert.Equal(3, _server.RequestsTo("/down"));
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_limit_fails_at_once_instead_of_stalling_the_build()
    {
        _server.On("/later", (c, _) => ExternalLinkServer.Respond(c, 429, "3600"));

        var result = await CheckOne("/later");

        Assert.False(result.Ok);
        Assert.Contains("3600 s", result.Detail);
        Assert.Equal(1, _server.RequestsTo("/later"));
    }

    [Fact]
    public async Task A_server_that_does_not_answer_in_time_fails_with_a_timeout()
    {
        _server.On("/slow", async (c, _) =>
        {
            await Task.Delay(3000);
            await ExternalLinkServer.Respond(c, 200);
        });

        var result = await CheckOne("/slow", Options() with { Retries = 1, Timeout = TimeSpan.FromMilliseconds(300) });

        Assert.False(result.Ok);
        Assert.Contains("no answer within 0.3 s", result.Detail);
        Assert.Equal(2, result.Requests);
    }

    [Fact]
    public async Task A_server_refusing_HEAD_with_405_is_asked_again_with_GET()
    {
        _server.On("/nohead", (c, _) => ExternalLinkServer.Respond(c, c.Request.HttpMethod == "HEAD" ? 405 : 200));

        var result = await CheckOne("/nohead");

        Assert.True(result.Ok, result.Detail);
        Assert.Equal([("HEAD", "/nohead"), ("GET", "/nohead")], _server.Requests);
    }

    [Fact]
    public async Task A_server_answering_HEAD_with_501_is_asked_again_with_GET_and_its_404_reported()
    {
        _server.On("/nohead-missing", (c, _) => ExternalLinkServer.Respond(c, c.Request.HttpMethod == "HEAD" ? 501 : 404));

        var result = await CheckOne("/nohead-missing");

        Assert.False(result.Ok);
        Assert.Contains("404", result.Detail);
        Assert.Equal([("HEAD", "/nohead-missing"), ("GET", "/nohead-missing")], _server.Requests);
    }

    [Fact]
    public async Task A_cached_success_avoids_a_request_on_the_next_build()
    {
        _server.Status("/ok", 200);
        await CheckOne("/ok");

        var second = await CheckOne("/ok");

        Assert.True(second.Ok);
        Assert.True(second.FromCache);
        Assert.Equal(1, _server.RequestsTo("/ok"));
        Assert.Contains(_server.Url("/ok"), File.ReadAllText(_cacheFile));
    }

    [Fact]
    public async Task A_cached_success_older_than_seven_days_is_asked_again()
    {
        _server.Status("/ok", 200);
        var clock = new ShiftedClock();
        await CheckOne("/ok", Options(clock));
        clock.Shift = TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1);

        var second = await CheckOne("/ok", Options(clock));

        Assert.True(second.Ok);
        Assert.False(second.FromCache);
        Assert.Equal(2, _server.RequestsTo("/ok"));
    }

    [Fact]
    public async Task A_failure_is_never_cached()
    {
        _server.Status("/gone", 404);
        await CheckOne("/gone");

        var second = await CheckOne("/gone");

        Assert.False(second.Ok);
        Assert.False(second.FromCache);
        Assert.Equal(2, _server.RequestsTo("/gone"));
        Assert.False(File.Exists(_cacheFile) && File.ReadAllText(_cacheFile).Contains("/gone"));
    }

    [Fact]
    public async Task A_link_that_was_ok_and_now_fails_is_removed_from_the_cache()
    {
        _server.On("/breaks", (c, n) => ExternalLinkServer.Respond(c, n == 0 ? 200 : 404));
        var clock = new ShiftedClock();
        await CheckOne("/breaks", Options(clock));
        clock.Shift = TimeSpan.FromDays(8);

        var second = await CheckOne("/breaks", Options(clock));
        clock.Shift = TimeSpan.FromDays(8) + TimeSpan.FromMinutes(1);
        var third = await CheckOne("/breaks", Options(clock));

        Assert.False(second.Ok);
        Assert.False(third.Ok);
        Assert.DoesNotContain("/breaks", File.ReadAllText(_cacheFile));
    }

    [Fact]
    public async Task A_damaged_cache_file_is_ignored()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_cacheFile)!);
        File.WriteAllText(_cacheFile, "{ not json");
        _server.Status("/ok", 200);

        var result = await CheckOne("/ok");

        Assert.True(result.Ok);
        Assert.Contains(_server.Url("/ok"), File.ReadAllText(_cacheFile));
    }

    [Fact]
    public async Task Each_distinct_url_is_asked_once_and_ignored_prefixes_never()
    {
        _server.Status("/ok", 200);
        _server.Status("/private/a", 404);
        var options = Options() with { Ignore = [_server.Url("/private/")] };

        var results = await new ExternalLinkChecker(options).CheckAsync([_server.Url("/ok"), _server.Url("/ok"), _server.Url("/private/a")]);

        Assert.All(results.Values, r => Assert.True(r.Ok));
        Assert.Equal([("HEAD", "/ok")], _server.Requests);
    }

    [Fact]
    public async Task No_more_than_the_per_host_limit_of_requests_run_at_once()
    {
        var paths = Enumerable.Range(1, 6).Select(i => $"/page{i}").ToList();
        foreach (var path in paths)
        {
            _server.On(path, async (c, _) =>
            {
                await Task.Delay(150);
                await ExternalLinkServer.Respond(c, 200);
            });
        }

        var results = await new ExternalLinkChecker(Options() with { MaxPerHost = 2 }).CheckAsync(paths.Select(_server.Url));

        Assert.All(results.Values, r => Assert.True(r.Ok, r.Detail));
        Assert.Equal(6, _server.Requests.Count);
        Assert.Equal(2, _server.MaxInFlight);
    }

    public void Dispose()
    {
        _server.Dispose();
        var folder = Path.GetDirectoryName(_cacheFile)!;
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The real clock moved forward by <see cref="Shift"/>, for cache expiry.</summary>
    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Shift { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
    }
}
