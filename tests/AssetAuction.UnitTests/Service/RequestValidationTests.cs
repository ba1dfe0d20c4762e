using AssetAuction.Contracts.V1;
using AssetAuction.Service.Grpc;
using FluentValidation;

namespace AssetAuction.UnitTests.Service;

/// <summary>
/// The validation interceptor runs validators synchronously (the service's validators have no asynchronous rules:
/// their rule-set tests run them through TestValidate, which is synchronous), and falls back to running a validator
/// asynchronously once FluentValidation refuses to run it synchronously.
/// </summary>
public sealed class RequestValidationTests
{
    private sealed class SyncValidator : AbstractValidator<GetAssetRequest>
    {
        public SyncValidator() => RuleFor(r => r.Name).NotEmpty();
    }

    private sealed class AsyncValidator : AbstractValidator<ListAssetsRequest>
    {
        public int Calls;

        public AsyncValidator() => RuleFor(r => r.PageToken).MustAsync(async (token, ct) =>
        {
            Interlocked.Increment(ref Calls);
            await Task.Yield();
            return token != "bad";
        });
    }

    [Fact]
    public async Task A_validator_without_asynchronous_rules_runs_synchronously_and_reports_its_errors()
    {
        var validator = new SyncValidator();

        var invalid = RequestValidation.ValidateAsync(validator, new GetAssetRequest(), CancellationToken.None);
        Assert.True(invalid.IsCompletedSuccessfully); // no task: run synchronously
        Assert.Equal("Name", Assert.Single((await invalid).Errors).PropertyName);

        Assert.True((await RequestValidation.ValidateAsync(validator, new GetAssetRequest { Name = "assets/a" }, CancellationToken.None)).IsValid);
        Assert.False(RequestValidation.AsyncOnly<GetAssetRequest>.Value);
    }

    [Fact]
    public async Task A_validator_with_an_asynchronous_rule_is_run_asynchronously_and_its_result_is_the_same()
    {
        var validator = new AsyncValidator();

        var invalid = await RequestValidation.ValidateAsync(validator, new ListAssetsRequest { PageToken = "bad" }, CancellationToken.None);
        Assert.Equal("PageToken", Assert.Single(invalid.Errors).PropertyName);
        Assert.True(RequestValidation.AsyncOnly<ListAssetsRequest>.Value);

        // From then on straight to the asynchronous path: the rule runs once per call.
        var before = validator.Calls;
        Assert.True((await RequestValidation.ValidateAsync(validator, new ListAssetsRequest { PageToken = "good" }, CancellationToken.None)).IsValid);
        Assert.Equal(before + 1, validator.Calls);
    }
}
