import { describeEndToEnd, describeProvider } from '@passport-genauth/testing';
import * as yidun from '../src';

describeProvider(yidun);
describeEndToEnd(yidun);
