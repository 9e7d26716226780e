import {
  atLeastOneOf,
  defineProvider,
  miniProgramLogin,
  nestedObject,
  optionalFlag,
  optionalString,
  presentTogether,
  requiredString,
  z,
} from '@passport-genauth/core';
import { requiredFieldPaths } from '../src';

describe('requiredFieldPaths', () => {
  it('lists each required top-level field and leaves out the optional ones', () => {
    const provider = defineProvider({
      connection: 'flat_test',
      payloadKey: 'flatTestPayload',
      credentials: z.object({ code: requiredString(), isSnsCode: optionalFlag(), hint: optionalString() }),
      example: { code: 'c-1', isSnsCode: true, hint: 'h' },
    });
    expect(requiredFieldPaths(provider)).toEqual([['code']]);
  });

  it('lists a nested object and each of its required leaves, by path', () => {
    const provider = defineProvider({
      connection: 'nested_test',
      payloadKey: 'nestedTestPayload',
      credentials: z.object({ wxLoginInfo: miniProgramLogin(), wxPhoneInfo: nestedObject({ code: requiredString() }) }),
      example: { wxLoginInfo: { code: 'login-code' }, wxPhoneInfo: { code: 'phone-code' } },
    });
    expect(requiredFieldPaths(provider)).toEqual([['wxLoginInfo'], ['wxLoginInfo', 'code'], ['wxPhoneInfo'], ['wxPhoneInfo', 'code']]);
  });

  it('lists both halves of a pair when the example gives both, since either alone is rejected', () => {
    const provider = defineProvider({
      connection: 'paired_test',
      payloadKey: 'pairedTestPayload',
      credentials: miniProgramLogin(),
      example: { code: 'login-code', encryptedData: 'ZW5j', iv: 'aXY=' },
    });
    expect(requiredFieldPaths(provider)).toEqual([['code'], ['encryptedData'], ['iv']]);
  });

  it('finds a pair inside a nested object whose halves are otherwise optional', () => {
    const provider = defineProvider({
      connection: 'nested_pair_test',
      payloadKey: 'nestedPairTestPayload',
      credentials: z.object({
        phoneParams: nestedObject({ encryptedData: optionalString(), iv: optionalString() }).superRefine(presentTogether('encryptedData', 'iv')),
      }),
      example: { phoneParams: { encryptedData: 'cGhvbmU=', iv: 'aXY=' } },
    });
    expect(requiredFieldPaths(provider)).toEqual([['phoneParams'], ['phoneParams', 'encryptedData'], ['phoneParams', 'iv']]);
  });

  it('lists a one-of field only when the example gives it alone', () => {
    const schema = () => z.object({ code: optionalString(), access_token: optionalString() }).superRefine(atLeastOneOf('code', 'access_token'));
    const alone = defineProvider({ connection: 'one_of_test', payloadKey: 'p', credentials: schema(), example: { code: 'c-1' } });
    const both = defineProvider({ connection: 'one_of_test', payloadKey: 'p', credentials: schema(), example: { code: 'c-1', access_token: 't-1' } });
    expect(requiredFieldPaths(alone)).toEqual([['code']]);
    expect(requiredFieldPaths(both)).toEqual([]);
  });
});
