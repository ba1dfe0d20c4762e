using AssetAuction.Domain.Assets;
using FluentValidation;

namespace AssetAuction.Service.Grpc;

/// <summary>Rules shared by the request validators.</summary>
public static class ValidationRules
{
    /// <summary>
    /// A value the enum defines, the check FluentValidation's IsInEnum makes, with its message. IsInEnum reads the
    /// enum's [Flags] attribute by reflection on every call (3% of ListAssets' CPU in a profile); protobuf enums are
    /// never flags.
    /// </summary>
    public static IRuleBuilderOptions<T, TEnum> IsDefinedValue<T, TEnum>(this IRuleBuilder<T, TEnum> rule)
        where TEnum : struct, Enum =>
        rule.Must(v => Enum.IsDefined(v)).WithMessage("'{PropertyName}' has a range of values which does not include '{PropertyValue}'.");

    /// <summary>request_id: a UUID chosen by the caller (retries reuse it).</summary>
    public static IRuleBuilderOptions<T, string> IsRequestId<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(v => Guid.TryParseExact(v, "D", out _)).WithMessage("Must be a UUID (8-4-4-4-12 hex digits) chosen by the caller; reuse it only to retry the same request.");

    public static IRuleBuilderOptions<T, string> IsAssetName<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(v => ResourceNames.AssetId(v) is not null).WithMessage("Must be an asset name, assets/{asset}.");

    public static IRuleBuilderOptions<T, string> Required<T>(this IRuleBuilder<T, string> rule, int maxLength = 256) =>
        rule.Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("Is required.")
            .Must(v => v is null || v.Length <= maxLength).WithMessage($"At most {maxLength} characters.");

    public static IRuleBuilderOptions<T, string> Optional<T>(this IRuleBuilder<T, string> rule, int maxLength = 256) =>
        rule.Must(v => v is null || v.Length <= maxLength).WithMessage($"At most {maxLength} characters.");

    public static IRuleBuilderOptions<T, Google.Type.Date?> IsDate<T>(this IRuleBuilder<T, Google.Type.Date?> rule) =>
        rule.Must(ProtoConvert.IsValidDate).WithMessage(DateMessage);

    private const string DateMessage = "Must be a real calendar date (year, month, day) from 1900 to 2100.";

    /// <summary>An optional date: absent, or a real one.</summary>
    public static IRuleBuilderOptions<T, Google.Type.Date?> IsOptionalDate<T>(this IRuleBuilder<T, Google.Type.Date?> rule) =>
        rule.Must(d => d is null || ProtoConvert.IsValidDate(d)).WithMessage("Must be a real calendar date from 1900 to 2100 when given.");

    public static IRuleBuilderOptions<T, double> IsPositiveArea<T>(this IRuleBuilder<T, double> rule) =>
        rule.Must(v => double.IsFinite(v) && v > 0).WithMessage("Must be a positive number of square metres.");

    public static IRuleBuilderOptions<T, string> IsEtag<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(v => !string.IsNullOrWhiteSpace(v) && v.Length <= 32).WithMessage("Pass the etag you last read.");

    /// <summary>An amount of dong: positive (or zero when allowed), whole by construction.</summary>
    public static IRuleBuilderOptions<T, long> IsPositiveMoney<T>(this IRuleBuilder<T, long> rule) =>
        rule.GreaterThan(0).WithMessage("Must be a positive number of dong.").IsWithinMoneyBounds();

    public static IRuleBuilderOptions<T, long> IsMoneyOrZero<T>(this IRuleBuilder<T, long> rule) =>
        rule.GreaterThanOrEqualTo(0).WithMessage("Must be zero or a positive number of dong.").IsWithinMoneyBounds();

    /// <summary>At most <see cref="Domain.Common.Money.Max"/> dong either way (10^15).</summary>
    public static IRuleBuilderOptions<T, long> IsWithinMoneyBounds<T>(this IRuleBuilder<T, long> rule) =>
        rule.Must(Domain.Common.Money.IsWithinBounds).WithMessage($"Must be at most {Domain.Common.Money.Max:N0} dong (10^15) in size.");

    /// <summary>The legal date of something that has happened: a real date, not after today in Vietnam.</summary>
    public static IRuleBuilderOptions<T, Google.Type.Date?> IsPastDate<T>(this IRuleBuilder<T, Google.Type.Date?> rule, TimeProvider clock) =>
        rule.Must(ProtoConvert.IsValidDate).WithMessage(DateMessage)
            .Must(d => d.ToDateOnly() is not { } day || day <= Domain.Common.VietnamTime.DateAt(clock.GetUtcNow())).WithMessage("Cannot be in the future (Vietnam time).");
}
