import { describeEndToEnd, describeProvider } from '@passport-genauth/testing';
import * as huawei from '../src';

describeProvider(huawei);
describeEndToEnd(huawei);
