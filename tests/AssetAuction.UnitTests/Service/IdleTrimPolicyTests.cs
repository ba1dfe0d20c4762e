using AssetAuction.Service.Memory;

namespace AssetAuction.UnitTests.Service;

/// <summary>When the idle trim gives memory back: after a load, once idle long enough, when enough is held, not too often.</summary>
public sealed class IdleTrimPolicyTests
{
    private const long MB = 1024 * 1024;
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 20, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Check = TimeSpan.FromSeconds(5);

    private static readonly MemoryTrimOptions Options = new()
    {
        IdleBeforeTrim = TimeSpan.FromSeconds(30),
        IdleRequestsPerMinute = 60,
        TrimMinimumGrowthBytes = 32 * MB,
        MinTimeBetweenTrims = TimeSpan.FromMinutes(5),
    };

    /// <summary>Drives the policy one check at a time, as the hosted service does, with a request count and the GC's committed bytes.</summary>
    private sealed class Run(MemoryTrimOptions options, long committed = 20 * MB)
    {
        private readonly IdleTrimPolicy _policy = new(options, Start, 0, committed);

        public DateTimeOffset Now { get; private set; } = Start;

        public long Events { get; private set; }

        public long Committed { get; set; } = committed;

        public List<DateTimeOffset> Trims { get; } = [];

        /// <summary>One check interval with this many request starts and ends in it; true when the policy trimmed.</summary>
        public bool Tick(int requestEvents = 0)
        {
            Now += Check;
            Events += requestEvents;
            if (!_policy.ShouldTrim(Now, Events, Committed))
            {
                return false;
            }

            Trims.Add(Now);
            Committed = 10 * MB;
            _policy.Trimmed(Now, Committed);
            return true;
        }

        public int Ticks(int count, int requestEvents = 0) => Enumerable.Range(0, count).Count(_ => Tick(requestEvents));
    }

    [Fact]
    public void With_no_minimum_growth_a_load_is_followed_by_a_trim_even_when_the_gc_holds_less_than_at_the_start()
    {
        var noMinimum = new MemoryTrimOptions { IdleBeforeTrim = Options.IdleBeforeTrim, IdleRequestsPerMinute = Options.IdleRequestsPerMinute, TrimMinimumGrowthBytes = 0, MinTimeBetweenTrims = Options.MinTimeBetweenTrims };
        var run = new Run(noMinimum, committed: 50 * MB);
        Assert.Equal(0, run.Ticks(12, requestEvents: 500));
        run.Committed = 40 * MB; // the GC gave memory back on its own during the load

        Assert.Equal(1, run.Ticks(12));
        Assert.Equal(0, run.Ticks(100)); // idle on: nothing more until another load
    }

    [Fact]
    public void After_a_load_it_trims_once_the_service_has_been_idle_long_enough()
    {
        var run = new Run(Options);
        Assert.Equal(0, run.Ticks(12, requestEvents: 500));
        run.Committed = 170 * MB;

        // Idle: 30 s pass (six checks) before the trim, not one check sooner.
        Assert.Equal(0, run.Ticks(5));
        Assert.True(run.Tick());
        Assert.Single(run.Trims);

        // Idle on: nothing more to do until another load.
        run.Committed = 60 * MB;
        Assert.Equal(0, run.Ticks(1000));
    }

    [Fact]
    public void A_service_that_never_had_a_load_is_never_trimmed()
    {
        var run = new Run(Options) { Committed = 200 * MB };
        Assert.Equal(0, run.Ticks(1000));
    }

    [Fact]
    public void Health_probes_and_scrapes_below_the_idle_rate_count_as_idle()
    {
        var run = new Run(Options);
        run.Ticks(6, requestEvents: 400);
        run.Committed = 150 * MB;

        // 60 a minute are 5 per check: still idle, so the trim comes after the same 30 s.
        Assert.Equal(0, run.Ticks(5, requestEvents: 5));
        Assert.True(run.Tick(requestEvents: 5));
    }

    [Fact]
    public void Requests_above_the_idle_rate_start_the_idle_period_again()
    {
        var run = new Run(Options);
        run.Ticks(6, requestEvents: 400);
        run.Committed = 150 * MB;
        run.Ticks(4);
        Assert.False(run.Tick(requestEvents: 6));
        Assert.Equal(0, run.Ticks(5));
        Assert.True(run.Tick());
    }

    [Fact]
    public void A_load_that_left_little_behind_is_not_worth_a_trim()
    {
        var run = new Run(Options, committed: 20 * MB);
        run.Ticks(6, requestEvents: 400);
        run.Committed = 40 * MB;
        Assert.Equal(0, run.Ticks(100));

        // The next load that does leave memory behind is trimmed.
        run.Ticks(6, requestEvents: 400);
        run.Committed = 90 * MB;
        Assert.Equal(1, run.Ticks(100));
    }

    [Fact]
    public void Trims_are_at_least_the_minimum_interval_apart_however_often_load_and_idleness_alternate()
    {
        var run = new Run(Options);
        for (var cycle = 0; cycle < 20; cycle++)
        {
            run.Ticks(2, requestEvents: 400);
            run.Committed = 150 * MB;
            run.Ticks(8);
        }

        Assert.True(run.Trims.Count >= 2);
        Assert.All(run.Trims.Zip(run.Trims.Skip(1)), pair => Assert.True(pair.Second - pair.First >= Options.MinTimeBetweenTrims, $"{pair.First:T} then {pair.Second:T}"));
    }

    [Fact]
    public void Settings_out_of_range_are_named()
    {
        Assert.Null(new MemoryTrimOptions().Problem());
        Assert.Contains("Memory:IdleBeforeTrim", new MemoryTrimOptions { IdleBeforeTrim = TimeSpan.Zero }.Problem(), StringComparison.Ordinal);
        Assert.Contains("Memory:IdleRequestsPerMinute", new MemoryTrimOptions { IdleRequestsPerMinute = -1 }.Problem(), StringComparison.Ordinal);
        Assert.Contains("Memory:TrimMinimumGrowthBytes", new MemoryTrimOptions { TrimMinimumGrowthBytes = -1 }.Problem(), StringComparison.Ordinal);
        Assert.Contains("Memory:MinTimeBetweenTrims", new MemoryTrimOptions { MinTimeBetweenTrims = TimeSpan.FromDays(30) }.Problem(), StringComparison.Ordinal);
    }
}
