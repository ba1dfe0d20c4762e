using AssetAuction.Service.Grpc;
using FluentValidation;
using FluentValidation.TestHelper;
using Google.Protobuf;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using Microsoft.Extensions.Time.Testing;
using Date = Google.Type.Date;

namespace AssetAuction.UnitTests.Validation;

/// <summary>
/// One request validator's cases: a complete valid request, and ways to break it, each naming the proto field path the
/// client is told about (what the validation interceptor sends in the BadRequest detail, through <see cref="ProtoFieldPath"/>).
/// A broken request must fail on that field and on no other: each case breaks one rule (a rule over a list's elements
/// may name several, "assets[0] and assets[1]").
/// </summary>
internal interface IRuleSet
{
    string Rpc { get; }

    /// <summary>The validator's class, for the check that every validator has its cases.</summary>
    Type ValidatorType { get; }

    IEnumerable<(string Field, string How)> Breaks { get; }

    void AssertValid();

    void AssertBroken(string field, string how);
}

internal sealed class RuleSet<T>(string rpc, IValidator<T> validator, Func<T> valid) : IRuleSet
    where T : IMessage<T>
{
    private readonly List<(string Field, string How, Action<T> Break)> _breaks = [];

    public string Rpc => rpc;

    public Type ValidatorType => validator.GetType();

    public IEnumerable<(string Field, string How)> Breaks => _breaks.Select(b => (b.Field, b.How));

    public void AssertValid() => validator.TestValidate(valid()).ShouldNotHaveAnyValidationErrors();

    public void AssertBroken(string field, string how)
    {
        var request = valid();
        _breaks.Single(b => b.Field == field && b.How == how).Break(request);
        var fields = validator.TestValidate(request).Errors
            .Select(e => ProtoFieldPath.FromPropertyPath(request.Descriptor, e.PropertyName))
            .Distinct()
            .ToList();
        Assert.Equal(field, string.Join(" and ", fields));
    }

    /// <summary>Breaking the request by <paramref name="breaking"/> fails on <paramref name="field"/> (a proto field path).</summary>
    public RuleSet<T> Break(string field, string how, Action<T> breaking)
    {
        _breaks.Add((field, how, breaking));
        return this;
    }

    /// <summary>A top-level field set through its descriptor (by its proto name).</summary>
    private RuleSet<T> Set(string field, string how, object? value) =>
        Break(field, how, r => r.Descriptor.FindFieldByName(field).Accessor.SetValue(r, value));

    public RuleSet<T> RequestId() => Set("request_id", "not a UUID", "retry-1");

    public RuleSet<T> AssetName(string field = "name") => Set(field, "not an asset name", "seizures/1");

    public RuleSet<T> Etag() => Set("etag", "missing", "");

    /// <summary>request_id, name (an asset) and etag: every pipeline step's first three rules.</summary>
    public RuleSet<T> Step() => RequestId().AssetName().Etag();

    public RuleSet<T> Required(string field, int maxLength) =>
        Set(field, "blank", "  ").Set(field, $"longer than {maxLength}", new string('x', maxLength + 1));

    public RuleSet<T> Optional(string field, int maxLength) => Set(field, $"longer than {maxLength}", new string('x', maxLength + 1));

    public RuleSet<T> Date(string field) => Set(field, "missing", null).Set(field, "not a calendar day", Given.NotADay);

    public RuleSet<T> OptionalDate(string field) => Set(field, "not a calendar day", Given.NotADay);

    /// <summary>A date of something that has happened: missing, impossible, or after today.</summary>
    public RuleSet<T> PastDate(string field) => Date(field).Set(field, "in the future", Given.Future);

    /// <summary>A past date that may be left out: impossible, or after today.</summary>
    public RuleSet<T> OptionalPastDate(string field) => OptionalDate(field).Set(field, "in the future", Given.Future);

    public RuleSet<T> Money(string field) => Set(field, "zero", 0L).Set(field, "over 10^15", 1_000_000_000_000_001L);

    public RuleSet<T> MoneyOrZero(string field) => Set(field, "negative", -1L).Set(field, "over 10^15", 1_000_000_000_000_001L);

    public RuleSet<T> PageSize() => Set("page_size", "negative", -1).Set("page_size", "over the maximum", PageToken.MaxPageSize + 1);
}

/// <summary>The theory rows of an area's rule sets.</summary>
internal static class RuleSets
{
    public static TheoryData<string> Rpcs(IEnumerable<IRuleSet> sets)
    {
        var data = new TheoryData<string>();
        foreach (var set in sets)
        {
            data.Add(set.Rpc);
        }

        return data;
    }

    public static TheoryData<string, string, string> Breaks(IEnumerable<IRuleSet> sets)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var set in sets)
        {
            foreach (var (field, how) in set.Breaks)
            {
                data.Add(set.Rpc, field, how);
            }
        }

        return data;
    }

    public static IRuleSet Of(IEnumerable<IRuleSet> sets, string rpc) => sets.Single(s => s.Rpc == rpc);
}

/// <summary>Values the valid requests are made of.</summary>
internal static class Given
{
    /// <summary>Monday 23 November 2026, 10:00 in Vietnam: "today" for the rules that refuse future dates.</summary>
    public static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));

    public static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    /// <summary>Three days before <see cref="Clock"/>'s today.</summary>
    public static Date Past => Day(2026, 11, 20);

    public static Date Future => Day(2026, 11, 24);

    public static Date NotADay => Day(2026, 2, 30);

    public static Timestamp At(int year, int month, int day) => Timestamp.FromDateTimeOffset(new DateTimeOffset(year, month, day, 2, 0, 0, TimeSpan.Zero));

    public const string Uuid = "0b6f0ae4-6f3a-4b1c-9a7e-2f4c5d6e7f80";

    public const string AnAsset = "assets/01JD7K5ZQ4X9M2N3P4Q5R6S7T8";

    public const string Plan = AnAsset + "/distributionPlans/01JD7K5ZQ4X9M2N3P4Q5R6S7T9";
}
