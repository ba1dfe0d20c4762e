using FluentValidation;
using FluentValidation.Results;

namespace AssetAuction.Service.Grpc;

/// <summary>
/// Runs a request's validator synchronously where it allows it. FluentValidation's asynchronous path builds a state
/// machine and a task per rule and per child validator, and it was 9% of RegisterSeizure's service CPU at 64 calls in
/// flight (perf), though no validator here awaits anything. A validator that gets an asynchronous rule is refused by
/// FluentValidation when run synchronously (AsyncValidatorInvokedSynchronouslyException, before any result); it is
/// then run asynchronously, from then on for its request type. Validation has no side effects, so running it again
/// changes nothing.
/// </summary>
internal static class RequestValidation
{
    public static ValueTask<ValidationResult> ValidateAsync<TRequest>(IValidator<TRequest> validator, TRequest request, CancellationToken cancellationToken)
    {
        if (!AsyncOnly<TRequest>.Value)
        {
            try
            {
                return ValueTask.FromResult(validator.Validate(request));
            }
            catch (AsyncValidatorInvokedSynchronouslyException)
            {
                AsyncOnly<TRequest>.Value = true;
            }
        }

        return new ValueTask<ValidationResult>(validator.ValidateAsync(request, cancellationToken));
    }

    /// <summary>Whether <typeparamref name="TRequest"/>'s validator has asynchronous rules (one flag per request type).</summary>
    internal static class AsyncOnly<TRequest>
    {
        public static bool Value;
    }
}
