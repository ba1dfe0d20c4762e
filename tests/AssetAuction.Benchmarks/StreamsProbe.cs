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
/// It ends with a verdict: whether resident memory came back to within --tolerance percent of the start (exit code 1
/// if not), so the run can be repeated after a change. --hold keeps the streams open that many seconds before closing
/// them (time to take a gcdump of the service); --after lists the checkpoints, in seconds after closing.
/// --rounds N repeats the load N times on the same process; every round is judged against the start before the first
/// (the last round's verdict decides the exit code). --warmup N first runs a small load of the same shape (N streams
/// refused, N admitted) and waits --settle seconds (15): the start is then the warm, idle service.
/// Usage: streams --pid PID [--url http://localhost:5080] [--one-caller 3000] [--callers 300] [--per-caller 8]
///        [--hold 0] [--after 5,15,30,60] [--tolerance 10] [--rounds 1] [--warmup 0] [--settle 15]
/// </summary>
public static class StreamsProbe
{
    private const int PerConnection = 90;

    public static async Task<int> RunAsync(string[] args)
    {
        string Option(string name, string fallback) => ToolArgs.Option(args, name, fallback);

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
        List<GrpcChannel> channels = [];
        List<AsyncServerStreamingCall<StreamEventsResponse>> calls = [];
        var failed = 0;

        // One connection at a time: a burst of thousands of calls at once starves this 2-core machine so far that
        // Kestrel resets connections for reading request bodies too slowly (MinRequestBodyDataRate).
        async Task<(int Admitted, int Refused)> OpenAsync(IReadOnlyList<string> tokens)
        {
            var (admitted, refused) = (0, 0);
            foreach (var chunk in tokens.Chunk(PerConnection))
            {
                var channel = GrpcChannel.ForAddress(url);
                channels.Add(channel);
                var client = new EventService.EventServiceClient(channel);
                var opened = chunk.Select(token => client.StreamEvents(new StreamEventsRequest(), new Metadata { { "authorization", "Bearer " + token } })).ToList();
                var outcomes = await Task.WhenAll(opened.Select(OutcomeAsync));
                calls.AddRange(opened.Where((_, i) => outcomes[i] == StatusCode.OK));
                admitted += outcomes.Count(o => o == StatusCode.OK);
                refused += outcomes.Count(o => o == StatusCode.ResourceExhausted);
                failed += outcomes.Count(o => o is not StatusCode.OK and not StatusCode.ResourceExhausted);
            }

            return (admitted, refused);
        }

        var tolerance = Number("tolerance", "10");
        var rounds = Number("rounds", "1");
        // A warm-up first (--warmup N: N streams refused to one caller, N admitted over N/8 callers, then closed):
        // the code paths get compiled, so the start the verdict compares with is the service warm and idle, and
        // the memory that stays after the load is what the load left, not code compiled once for good.
        var coldStart = Rss(pid);
        if (Number("warmup", "0") is > 0 and var warmup)
        {
            var warmOne = Token("warm-up");
            var (warmAdmitted, warmRefused) = await OpenAsync([.. Enumerable.Repeat(warmOne, warmup)]);
            var (warmMany, _) = await OpenAsync([.. Enumerable.Range(0, Math.Max(1, warmup / 8)).SelectMany(c => Enumerable.Repeat(Token($"warm-up-{c}"), 8))]);
            calls.ForEach(c => c.Dispose());
            channels.ForEach(c => c.Dispose());
            (calls, channels, failed) = ([], [], 0);
            await Task.Delay(TimeSpan.FromSeconds(Number("settle", "15")));
            Console.WriteLine($"cold start            {coldStart} MB; warm-up: {warmAdmitted + warmMany} streams admitted, {warmRefused} refused, closed");
            coldStart = Rss(pid);
        }

        var returned = false;
        for (var round = 1; round <= rounds; round++)
        {
            if (rounds > 1)
            {
                Console.WriteLine($"round {round} of {rounds}");
            }

            var start = round == 1 ? coldStart : Rss(pid);
            Console.WriteLine($"start                 {start} MB");
            var one = Token("one-caller");
            var (admitted, refusedOne) = await OpenAsync([.. Enumerable.Repeat(one, Number("one-caller", "3000"))]);
            Console.WriteLine($"one caller            {admitted} admitted, {refusedOne} refused RESOURCE_EXHAUSTED; {Rss(pid)} MB");
            var perCaller = Number("per-caller", "8");
            var (many, refusedMany) = await OpenAsync([.. Enumerable.Range(0, Number("callers", "300")).SelectMany(c => Enumerable.Repeat(Token($"caller-{c}"), perCaller))]);
            Console.WriteLine($"many callers          {many} admitted, {refusedMany} refused; {calls.Count} open; {failed} failed otherwise; {Rss(pid)} MB");
            if (Number("hold", "0") is > 0 and var hold)
            {
                await Task.Delay(TimeSpan.FromSeconds(hold));
                Console.WriteLine($"after {hold,3} s open      {Rss(pid)} MB");
            }

            foreach (var call in calls)
            {
                call.Dispose();
            }

            foreach (var channel in channels)
            {
                channel.Dispose();
            }

            (calls, channels, failed) = ([], [], 0);
            bool Within(long mb) => mb <= coldStart * (100 + tolerance) / 100;
            var closed = TimeProvider.System.GetTimestamp();
            var last = start;
            int? backAt = null;
            foreach (var seconds in Option("after", "5,15,30,60").Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)))
            {
                var wait = TimeSpan.FromSeconds(seconds) - TimeProvider.System.GetElapsedTime(closed);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                last = Rss(pid);
                backAt = Within(last) ? backAt ?? seconds : null;
                Console.WriteLine($"{seconds,3} s after closing   {last} MB");
            }

            // The verdict is on the last checkpoint, against the start before the first round (after the warm-up, if
            // any), so memory that came back and then grew again, or a later round that only returned to where the
            // previous one left it, is not "returned". It says from which checkpoint on memory stayed within the tolerance (the service's idle trim
            // runs Memory:IdleBeforeTrim after the load, 30 s by default, so give checkpoints past that).
            returned = Within(last);
            Console.WriteLine(returned
                ? $"returned              {last} MB is within {tolerance}% of the start ({coldStart} MB), from {backAt} s after closing on"
                : $"NOT RETURNED          {last} MB is more than {tolerance}% above the start ({coldStart} MB)");
            if (round > 1)
            {
                Console.WriteLine($"                      {(last - start) * 100.0 / start:+0.0;-0.0}% against this round's start ({start} MB, as the previous load left it)");
            }
        }

        return returned ? 0 : 1;
    }

    /// <summary>
    /// Both an admitted and a refused stream get response headers first (a refusal is a trailers-only response). A refused
    /// one then ends at once with its status; an admitted one waits for events (none on a fresh database). The wait for
    /// the end starts only once the headers are in, so a slow machine does not count a late refusal as an admission.
    /// </summary>
    private static async Task<StatusCode> OutcomeAsync(AsyncServerStreamingCall<StreamEventsResponse> call)
    {
        try
        {
            await call.ResponseHeadersAsync;
            var next = call.ResponseStream.MoveNext();
            if (await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(2))) != next)
            {
                return StatusCode.OK;
            }

            await next;
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    private static long Rss(int pid) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
}
