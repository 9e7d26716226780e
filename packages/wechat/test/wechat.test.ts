import { describeEndToEnd, describeProvider } from '@passport-genauth/testing';
import * as wechat from '../src';

describeProvider(wechat);
describeEndToEnd(wechat);
