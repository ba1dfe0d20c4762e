using AssetAuction.Contracts.V1;
using AssetAuction.Service.Security;
using Grpc.Core;
using Grpc.Net.Client;

namespace AssetAuction.Benchmarks;

/// <summary>
/// Opens many StreamEvents calls against a running Development service on this machine and reports the service's
/// resident memory (VmRSS of --pid) at the start, while the streams are open, and after they are closed; also how
/// many streams of a single token were admitted and how many refused (RESOURCE_EXHAUSTED).
/// Streams are spread over connections of at most 90 each, below the server's 100 streams per connection, so a
/// stream is either admitted or refused, never queued.
/// Usage: streams --pid PID [--url http://localhost:5080] [--one-caller 3000] [--callers 300] [--per-caller 8]
/// </summary>
public static class StreamsProbe
{
    private const int PerConnection = 90;

    public static async Task<int> RunAsync(string[] args)
    {
        string Option(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        int Number(string name, string fallback) => int.Parse(Option(name, fallback), System.Globalization.CultureInfo.InvariantCulture);
        var pid = Number("pid", "0");
        var url = new Uri(Option("url", "http://localhost:5080"));
        if (!url.IsLoopback || pid == 0)
        {
            Console.Error.WriteLine("Give --pid of a Development service on this machine (loopback).");
            return 2;
        }

        var auth = new AuthOptions { Issuer = "assetauction-dev", Audience = "assetauction", SigningKey = AuthOptions.DevelopmentSigningKey };
        string Token(string subject) => TokenMinter.Mint(auth, subject, Roles.Supervisor, "", "", TimeProvider.System.GetUtcNow(), TimeSpan.FromHours(1));
        var channels = new List<GrpcChannel>();
        var calls = new List<AsyncServerStreamingCall<StreamEventsResponse>>();
        async Task<(int Admitted, int Refused)> OpenAsync(IReadOnlyList<string> tokens)
        {
            var opened = new List<AsyncServerStreamingCall<StreamEventsResponse>>();
            foreach (var chunk in tokens.Chunk(PerConnection))
            {
                var channel = GrpcChannel.ForAddress(url);
                channels.Add(channel);
                var client = new EventService.EventServiceClient(channel);
                opened.AddRange(chunk.Select(token => client.StreamEvents(new StreamEventsRequest(), new Metadata { { "authorization", "Bearer " + token } })));
            }

            var refused = await Task.WhenAll(opened.Select(RefusedAsync));
            calls.AddRange(opened.Where((_, i) => !refused[i]));
            return (refused.Count(r => !r), refused.Count(r => r));
        }

        Console.WriteLine($"start                 {Rss(pid)} MB");
        var one = Token("one-caller");
        var (admitted, refusedOne) = await OpenAsync([.. Enumerable.Repeat(one, Number("one-caller", "3000"))]);
        Console.WriteLine($"one caller            {admitted} admitted, {refusedOne} refused RESOURCE_EXHAUSTED; {Rss(pid)} MB");
        var perCaller = Number("per-caller", "8");
        var (many, refusedMany) = await OpenAsync([.. Enumerable.Range(0, Number("callers", "300")).SelectMany(c => Enumerable.Repeat(Token($"caller-{c}"), perCaller))]);
        Console.WriteLine($"many callers          {many} admitted, {refusedMany} refused; {calls.Count} open; {Rss(pid)} MB");
        foreach (var call in calls)
        {
            call.Dispose();
        }

        foreach (var channel in channels)
        {
            channel.Dispose();
        }

        foreach (var seconds in new[] { 5, 15, 30 })
        {
            await Task.Delay(TimeSpan.FromSeconds(seconds == 5 ? 5 : 10));
            Console.WriteLine($"{seconds,2} s after closing    {Rss(pid)} MB");
        }

        return 0;
    }

    /// <summary>A refused stream ends at once with RESOURCE_EXHAUSTED; an admitted one waits for events (none on a fresh database).</summary>
    private static async Task<bool> RefusedAsync(AsyncServerStreamingCall<StreamEventsResponse> call)
    {
        var next = call.ResponseStream.MoveNext();
        if (await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(3))) != next)
        {
            return false;
        }

        try
        {
            await next;
            return false;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted)
        {
            return true;
        }
    }

    private static long Rss(int pid) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
}
